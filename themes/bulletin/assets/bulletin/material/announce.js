// Material for MkDocs 9.8.1 (MIT), partials/javascripts: moved into a file so that
// the Content-Security-Policy allows no inline script (tests/test_csp_sources.py).
var el=document.querySelector("[data-md-component=announce]");if(el){var content=el.querySelector(".md-typeset");__md_hash(content.innerHTML)===__md_get("__announce")&&(el.hidden=!0)}
