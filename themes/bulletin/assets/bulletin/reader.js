/* 数字报 reader: the 放大 button, and which 版 the thumbnails mark as shown.
   Switching 版 needs no script: the address (#ban-N) picks it (reader.css). */
(function () {
  "use strict";
  var reader = document.querySelector(".bulletin-reader");
  if (!reader) {
    return;
  }
  var sheets = Array.prototype.slice.call(reader.querySelectorAll(".bulletin-reader__sheet"));
  var thumbs = Array.prototype.slice.call(reader.querySelectorAll("[data-reader-thumb]"));

  function markShown() {
    var wanted = decodeURIComponent(window.location.hash.slice(1));
    var shown = sheets.filter(function (sheet) { return sheet.id === wanted; })[0] || sheets[0];
    thumbs.forEach(function (thumb) {
      if (shown && thumb.getAttribute("href") === "#" + shown.id) {
        thumb.setAttribute("aria-current", "page");
      } else {
        thumb.removeAttribute("aria-current");
      }
    });
  }

  reader.querySelectorAll("[data-reader-zoom]").forEach(function (button) {
    var page = button.closest(".bulletin-reader__page");
    button.hidden = false;
    button.addEventListener("click", function () {
      var zoomed = button.getAttribute("aria-pressed") !== "true";
      button.setAttribute("aria-pressed", zoomed ? "true" : "false");
      page.classList.toggle("is-zoomed", zoomed);
    });
  });
  window.addEventListener("hashchange", markShown);
  markShown();
})();
