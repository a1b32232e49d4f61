/* 复制到公众号 (bulletin serve only): puts the article's 公众号 fragment on the
   clipboard as rich text, ready to paste into the 公众号 editor.

   The fragment is fetched when the page loads, so that the click copies at
   once: a browser lets a page write to the clipboard only while handling
   the click. The copy event carries it as text/html (and plain text). */
(function () {
  "use strict";
  var button = document.querySelector(".bulletin-wechat__copy");
  if (!button) {
    return;
  }
  var status = document.querySelector(".bulletin-wechat__status");
  var fragment = null;

  function plainText(html) {
    return new DOMParser().parseFromString(html, "text/html").body.textContent.replace(/\s+\n/g, "\n").trim();
  }

  fetch(button.getAttribute("data-fragment"), { cache: "no-store" })
    .then(function (response) {
      if (!response.ok) {
        throw new Error(response.status);
      }
      return response.text();
    })
    .then(function (html) {
      fragment = html;
      button.hidden = false;
    })
    .catch(function () {
      status.textContent = "这篇文章的公众号版本没有生成，请用 bulletin wechat 命令导出。";
    });

  button.addEventListener("click", function () {
    var copied = false;
    function onCopy(event) {
      event.clipboardData.setData("text/html", fragment);
      event.clipboardData.setData("text/plain", plainText(fragment));
      event.preventDefault();
      copied = true;
    }
    document.addEventListener("copy", onCopy);
    try {
      document.execCommand("copy");
    } finally {
      document.removeEventListener("copy", onCopy);
    }
    status.textContent = copied
      ? "已复制。打开公众号编辑器，粘贴（Ctrl+V）即可。"
      : "没能复制。请用 bulletin wechat 命令导出，再从 preview.html 复制。";
  });
})();
