// Material for MkDocs 9.8.1 (MIT), partials/javascripts: moved into a file so that
// the Content-Security-Policy allows no inline script (tests/test_csp_sources.py).
var target=document.getElementById(location.hash.slice(1));target&&target.name&&(target.checked=target.name.startsWith("__tabbed_"))
