/* 大字 (large text): one switch, remembered in localStorage, so the choice
   holds on every page of the site. Loaded in <head> so that the class is on
   <html> before the first paint and a page never flashes in small type. */
(function () {
  "use strict";
  var KEY = "bulletin.largeText";
  var CLASS = "bulletin-large-text";
  var root = document.documentElement;

  function remembered() {
    try {
      return window.localStorage.getItem(KEY) === "1";
    } catch (e) {
      return false; /* storage disabled: the switch still works on this page */
    }
  }

  function remember(on) {
    try {
      window.localStorage.setItem(KEY, on ? "1" : "0");
    } catch (e) { /* see remembered() */ }
  }

  root.classList.toggle(CLASS, remembered());

  document.addEventListener("DOMContentLoaded", function () {
    var buttons = document.querySelectorAll(".bulletin-textsize");
    function show(on) {
      root.classList.toggle(CLASS, on);
      buttons.forEach(function (button) {
        button.setAttribute("aria-pressed", on ? "true" : "false");
      });
    }
    buttons.forEach(function (button) {
      button.hidden = false;
      button.addEventListener("click", function () {
        var on = !root.classList.contains(CLASS);
        remember(on);
        show(on);
      });
    });
    show(root.classList.contains(CLASS));
  });
})();
