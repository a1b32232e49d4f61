/* 民呼即应 combined filters: category × status × place × month.
 * Reads filter-index.json once, shows the matching notes by cloning the
 * <template> in the page (no markup is built here), and keeps the choice in
 * the address (?category=…&status=…) so that a filtered view can be shared.
 * Without JavaScript the form stays hidden and the plain category, status and
 * place pages do the same job. */
(function () {
  "use strict";
  var form = document.getElementById("bulletin-filter");
  if (!form || !window.fetch) return;
  var STEP = 20;
  var FIELDS = ["category", "status", "place", "month"];
  var results = form.querySelector(".bulletin-filter__results");
  var summary = form.querySelector(".bulletin-filter__summary");
  var more = form.querySelector(".bulletin-filter__more");
  var card = document.getElementById("bulletin-filter-card");
  var root = new URL(form.dataset.root, window.location.href);
  var categoryNames = {};
  form.querySelectorAll("select[name=category] option").forEach(function (o) { categoryNames[o.value] = o.textContent; });
  var notes = [], matches = [], shown = 0;

  function choice() {
    var chosen = {};
    FIELDS.forEach(function (name) { chosen[name] = form.elements[name].value; });
    return chosen;
  }

  function fits(note, chosen) {
    return (!chosen.category || note.category === chosen.category) &&
      (!chosen.status || note.status === chosen.status) &&
      (!chosen.place || note.places.indexOf(chosen.place) >= 0) &&
      (!chosen.month || note.month === chosen.month || note.month.slice(0, 4) === chosen.month);
  }

  function render(note) {
    var item = card.content.firstElementChild.cloneNode(true);
    item.querySelector("a").href = new URL(note.url, root).href;
    item.querySelector(".bulletin-card__type").textContent = categoryNames[note.category] || "";
    item.querySelector(".bulletin-card__title").textContent = note.title;
    var time = item.querySelector("time");
    time.dateTime = note.date;
    var d = note.date.split("-");
    time.textContent = d[0] + "年" + Number(d[1]) + "月" + Number(d[2]) + "日";
    item.querySelector(".bulletin-card__places").textContent = note.place_names;
    var status = item.querySelector(".bulletin-status");
    status.textContent = note.status_label;
    status.classList.add("bulletin-status--" + note.status);
    return item;
  }

  function showMore() {
    var end = Math.min(matches.length, shown + STEP);
    for (; shown < end; shown++) results.appendChild(render(matches[shown]));
    more.hidden = shown >= matches.length;
  }

  function apply() {
    var chosen = choice();
    var any = FIELDS.some(function (name) { return chosen[name]; });
    matches = any ? notes.filter(function (n) { return fits(n, chosen); }) : [];
    results.replaceChildren();
    shown = 0;
    summary.textContent = any ? "符合条件的诉求共 " + matches.length + " 件" : "选择条件后，这里列出符合的诉求。";
    showMore();
    var query = new URLSearchParams();
    FIELDS.forEach(function (name) { if (chosen[name]) query.set(name, chosen[name]); });
    var search = query.toString();
    history.replaceState(null, "", search ? "?" + search : window.location.pathname);
  }

  fetch(form.dataset.index).then(function (r) { return r.json(); }).then(function (data) {
    notes = data;
    var params = new URLSearchParams(window.location.search);
    FIELDS.forEach(function (name) {
      var value = params.get(name);
      if (value && form.elements[name].querySelector('option[value="' + CSS.escape(value) + '"]')) form.elements[name].value = value;
    });
    form.hidden = false;
    form.addEventListener("change", apply);
    more.addEventListener("click", showMore);
    apply();
  });
})();
