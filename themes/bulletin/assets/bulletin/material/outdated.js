// Material for MkDocs 9.8.1 (MIT), partials/javascripts: moved into a file so that
// the Content-Security-Policy allows no inline script (tests/test_csp_sources.py).
var el=document.querySelector("[data-md-component=outdated]"),base=new URL("../../..",document.currentScript.src),outdated=__md_get("__outdated",sessionStorage,base);!0===outdated&&el&&(el.hidden=!1)
