// The search page: Pagefind's JS API behind a Chinese results view.
//
// The index holds Chinese text as overlapping two-character words
// (site_builder/search/tokens.py): 垃圾分类 was indexed as 垃圾 圾分 分类 类,
// and at the position of each bigram the grams of three and four characters
// that start there, after a mark (grams.py): ǀ垃圾分, ǁ垃圾分类. `queryTerm` cuts a query
// into these words; `readableExcerpt` turns an excerpt back into the text a
// reader wrote. The form's state lives in
// the URL, so a result list can be shared. Markup comes from the page's
// <template>; this script only fills in text. The root's data-state
// (searching, results, empty, idle, unavailable) tells what is on screen.
//
// The bundle is shaped for a light first query (site_builder/search/): each
// facet value is its own Pagefind filter ("place=长阳镇"), and each result's
// id ends in the article's rank, newest first ("3f9c20a1.2s"), so newest
// first is a sort of the ids already fetched, with no sort list to load.

const HAN = "\\u3400-\\u4dbf\\u4e00-\\u9fff\\uf900-\\ufaff";
const RUNS = new RegExp(`[${HAN}]+|[^\\s${HAN}]+`, "gu");
const MARK = "ǁ"; // before a gram of four characters (grams.py)
const MARK3 = "ǀ"; // before a gram of three
const GRAM = 4;
const HAN_RUN = new RegExp(`^[${HAN}]+$`, "u");
const PAGE_SIZE = 10;
const FACETS = ["type", "place", "category", "status", "year"];

/** The words Pagefind must find for one space-separated part of a query
 *  (site_builder/search/grams.py builds the index for the same rule). A run
 *  of one or two Chinese characters is itself (a bigram, or the first
 *  character of any); three are their gram after MARK3, four their gram
 *  after MARK; a longer run is its grams of four, which a phrase keeps next
 *  to each other. */
export function queryWords(part) {
  const words = [];
  for (const [run] of part.matchAll(RUNS)) {
    const chars = Array.from(run);
    if (!HAN_RUN.test(run) || chars.length < 3) {
      words.push(run);
    } else if (chars.length === 3) {
      words.push(MARK3 + run);
    } else {
      for (let i = 0; i + GRAM <= chars.length; i++) words.push(MARK + chars.slice(i, i + GRAM).join(""));
    }
  }
  return words;
}

/** The Pagefind search term for what the reader typed; null when empty.
 *  One run of five or more characters is a phrase (its grams next to each
 *  other, which is "contains this text"); otherwise every word must occur,
 *  anywhere. */
export function queryTerm(query) {
  const parts = query.replaceAll(MARK, "").replaceAll(MARK3, "").split(/\s+/u).map(queryWords)
    .filter((words) => words.length);
  if (!parts.length) return null;
  if (parts.length === 1 && parts[0].length > 1 && parts[0].every((word) => word.startsWith(MARK))) {
    return `"${parts[0].join(" ")}"`;
  }
  return parts.flat().join(" ");
}

/** Words of a Pagefind excerpt, each with whether Pagefind marked it. */
function excerptWords(html) {
  const holder = document.createElement("template");
  holder.innerHTML = html; // parsed inert; only text and <mark> are read
  const words = [];
  for (const node of holder.content.childNodes) {
    const marked = node.nodeName === "MARK";
    for (const word of node.textContent.split(/\s+/u)) {
      if (word) words.push({ word, marked });
    }
  }
  return words;
}

/** The excerpt as the reader wrote it: [{text, marked}]. A bigram stands for
 *  its first character. Pagefind marks the bigram where a match starts; the
 *  match goes on for as many characters as the run of the query it begins
 *  (at most a gram), or for the bigram's two. */
export function readableExcerpt(html, query = "") {
  const runs = (query.match(RUNS) ?? []).filter((run) => HAN_RUN.test(run))
    .sort((a, b) => b.length - a.length);
  const items = []; // {text, hit, han}
  let previous = null; // {kind: "bigram" | "end" | "other", word}
  for (const { word, marked } of excerptWords(html)) {
    if (HAN_RUN.test(word)) {
      if (previous?.kind === "end") items.push({ text: " ", hit: false, han: false }); // two runs had a space between
      items.push({ text: word[0], hit: marked, han: true });
      previous = { kind: word.length > 1 ? "bigram" : "end", word };
    } else {
      if (previous?.kind === "other") items.push({ text: " ", hit: false, han: false });
      items.push({ text: word, hit: marked, han: false });
      previous = { kind: "other" };
    }
  }
  if (previous?.kind === "bigram") items.push({ text: previous.word[1], hit: false, han: true }); // the cut-off run
  const marks = items.map((item) => item.hit && !item.han);
  items.forEach((item, start) => {
    if (!item.hit || !item.han) return;
    let end = start;
    while (end < items.length && items[end].han) end++;
    const text = items.slice(start, end).map((next) => next.text).join("");
    const run = runs.find((candidate) => text.startsWith(candidate));
    const length = Math.min(end - start, Math.max(run?.length ?? 2, 2));
    for (let i = start; i < start + length; i++) marks[i] = true;
  });
  const pieces = [];
  items.forEach((item, i) => {
    const last = pieces[pieces.length - 1];
    if (last && last.marked === marks[i]) last.text += item.text;
    else pieces.push({ text: item.text, marked: marks[i] });
  });
  return pieces;
}

/** Pagefind's filter for one facet value; documents.py writes the same key. */
export function filterKey(facet, value) {
  return `${facet}=${value}`.replaceAll(":", "：");
}

/** The article's place in the archive, newest first, from a result's id. */
export function rank(result) {
  return parseInt(result.id.split(".").pop(), 36);
}

function zhDate(iso) {
  const [year, month, day] = iso.split("-").map(Number);
  return `${year}年${month}月${day}日`;
}

class SearchPage {
  constructor(root) {
    this.root = root;
    this.form = root.querySelector("#bulletin-search");
    this.status = root.querySelector("#bulletin-search-status");
    this.list = root.querySelector("#bulletin-search-results");
    this.more = root.querySelector("#bulletin-search-more");
    this.empty = root.querySelector("#bulletin-search-empty");
    this.template = root.querySelector("#bulletin-search-result");
    this.siteRoot = new URL(root.dataset.root, location.href);
    this.bundle = new URL(root.dataset.bundle, location.href);
    this.results = [];
    this.shown = 0;
    this.run = 0;
  }

  async pagefind() {
    if (!this.loading) {
      this.loading = import(new URL("pagefind.js", this.bundle).href).then(async (pagefind) => {
        // No web worker: it would be a second copy of pagefind.js (12 KB
        // compressed) to download, and a search takes milliseconds anyway.
        await pagefind.options({ baseUrl: this.siteRoot.pathname, excerptLength: 60, noWorker: true });
        // Pagefind takes its language from <html lang> when it starts; "zh"
        // would make it re-cut our bigram query with the browser's word
        // segmenter. The index is in "und" (words given as is), so start it
        // with that language; the page's own lang is put back at once.
        const html = document.documentElement;
        const lang = html.getAttribute("lang");
        html.setAttribute("lang", "und");
        try {
          await pagefind.init();
        } finally {
          if (lang === null) html.removeAttribute("lang");
          else html.setAttribute("lang", lang);
        }
        return pagefind;
      });
    }
    return this.loading;
  }

  /** The form's state from the URL, so a shared link shows the same list. */
  readUrl() {
    const params = new URLSearchParams(location.search);
    this.form.elements.q.value = params.get("q") ?? "";
    for (const key of FACETS) {
      const select = this.form.elements[key];
      if (select) select.value = params.get(key) ?? "";
    }
    this.form.elements.sort.value = params.get("sort") === "date" ? "date" : "";
    const header = document.getElementById("bulletin-search-box");
    if (header) header.value = this.form.elements.q.value;
  }

  state() {
    const filters = {};
    for (const key of FACETS) {
      const value = this.form.elements[key]?.value;
      if (value) filters[key] = value;
    }
    return { q: this.form.elements.q.value.trim(), filters, sort: this.form.elements.sort.value };
  }

  writeUrl({ q, filters, sort }) {
    const params = new URLSearchParams();
    if (q) params.set("q", q);
    for (const [key, value] of Object.entries(filters)) params.set(key, value);
    if (sort) params.set("sort", sort);
    const query = params.toString();
    history.replaceState(null, "", query ? `?${query}` : location.pathname);
  }

  async search() {
    const state = this.state();
    this.writeUrl(state);
    const term = queryTerm(state.q);
    this.query = state.q;
    const filtered = Object.keys(state.filters).length > 0;
    this.clear();
    if (!term && !filtered) {
      this.status.textContent = "输入要找的字词，或者选一个筛选条件。";
      this.root.dataset.state = "idle";
      return;
    }
    const run = ++this.run;
    this.root.dataset.state = "searching";
    this.status.textContent = "正在搜索……";
    let found;
    try {
      const pagefind = await this.pagefind();
      const filters = {};
      for (const [key, value] of Object.entries(state.filters)) filters[filterKey(key, value)] = "1";
      found = await pagefind.search(term, { filters });
    } catch (error) {
      this.root.querySelector("#bulletin-search-unavailable").hidden = false;
      this.status.textContent = "";
      this.root.dataset.state = "unavailable";
      throw error;
    }
    if (run !== this.run) return; // a newer search has started
    this.results = found.results;
    // Without words there is no relevance: list the filtered articles newest first.
    if (state.sort === "date" || !term) this.results.sort((a, b) => rank(a) - rank(b));
    if (!this.results.length) return this.showEmpty(state.q, filtered);
    await this.showMore();
    if (run !== this.run) return;
    this.status.textContent = `找到 ${this.results.length} 篇文章`;
    this.root.dataset.state = "results";
  }

  clear() {
    this.results = [];
    this.shown = 0;
    this.list.replaceChildren();
    this.more.hidden = true;
    this.empty.hidden = true;
  }

  showEmpty(query, filtered) {
    this.status.textContent = "未找到相关文章。";
    this.empty.querySelector("[data-query]").textContent = query || "所选条件";
    this.empty.querySelector("[data-when-filtered]").hidden = !filtered;
    this.empty.hidden = false;
    this.root.dataset.state = "empty";
  }

  /** Fetch the next page of results: each needs one small fragment file. */
  async showMore() {
    const run = this.run;
    const batch = this.results.slice(this.shown, this.shown + PAGE_SIZE);
    const data = await Promise.all(batch.map((result) => result.data()));
    if (run !== this.run) return;
    for (const item of data) this.list.append(this.render(item));
    this.shown += batch.length;
    this.more.hidden = this.shown >= this.results.length;
  }

  render(item) {
    const node = this.template.content.firstElementChild.cloneNode(true);
    const link = node.querySelector(".bulletin-search-result__title");
    link.href = item.url;
    link.textContent = item.meta.title;
    node.querySelector(".bulletin-search-result__type").textContent = item.meta.type ?? "";
    const time = node.querySelector("time");
    time.dateTime = item.meta.date;
    time.textContent = zhDate(item.meta.date);
    node.querySelector(".bulletin-search-result__place").textContent = item.meta.place ?? "";
    node.querySelector(".bulletin-search-result__status").textContent = item.meta.status ?? "";
    const excerpt = node.querySelector(".bulletin-search-result__excerpt");
    for (const { text, marked } of readableExcerpt(item.excerpt, this.query)) {
      if (marked) {
        const mark = document.createElement("mark");
        mark.textContent = text;
        excerpt.append(mark);
      } else {
        excerpt.append(text);
      }
    }
    excerpt.append("……");
    return node;
  }

  start() {
    this.readUrl();
    this.form.addEventListener("submit", (event) => {
      event.preventDefault();
      this.search();
    });
    this.form.addEventListener("change", (event) => {
      if (event.target.name !== "q") this.search();
    });
    this.more.addEventListener("click", () => this.showMore());
    this.root.querySelector("#bulletin-search-clear").addEventListener("click", () => {
      for (const key of FACETS) if (this.form.elements[key]) this.form.elements[key].value = "";
      this.search();
    });
    this.search();
  }
}

const root = document.querySelector(".bulletin-search");
if (root) new SearchPage(root).start();
