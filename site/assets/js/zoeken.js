// The finder with JavaScript: the same filters as the filter pages, plus search by word, answered
// in the browser from the static Pagefind index under /pagefind/. Without JavaScript, or when the
// index cannot load, the page stays as it is: links to the pre-rendered filter pages.
// Everything from the index is set as text, never as markup.
// Ten results first (each is a fragment to fetch), more on request: the first answer stays light on a phone.
const PER_PAGE = 10;

const main = document.getElementById("inhoud");
const groups = main ? [...main.querySelectorAll("nav.op-links[aria-labelledby^='filter-']")] : [];

function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v !== null && v !== undefined && v !== false) node.setAttribute(k, v === true ? "" : v);
  }
  for (const c of children) if (c !== null && c !== undefined) node.append(c);
  return node;
}

// The filters, read from the page's own links: /zoeken/{slug}/ under a heading with id filter-{facet}.
function readFacets() {
  return groups.map((nav) => {
    const id = nav.getAttribute("aria-labelledby").slice("filter-".length);
    const heading = document.getElementById(nav.getAttribute("aria-labelledby")).textContent;
    const values = [...nav.querySelectorAll("li > a")].map((a) => ({
      slug: a.getAttribute("href").split("/").filter(Boolean).pop(),
      label: a.textContent,
      count: a.parentElement.querySelector(".op-count")?.textContent || "",
    }));
    return { id, heading, values };
  });
}

function card(data) {
  const m = data.meta || {};
  const facts = el("p", { class: "op-card__meta" });
  if (m.soort) facts.append(el("span", { class: "op-kind" }, m.soort));
  const fact = (hidden, text) => facts.append(" ", el("span", { class: "op-fact" }, el("span", { class: "op-visually-hidden" }, hidden), text));
  if (m.wanneer) fact("Eerstvolgende keer: ", m.wanneer);
  if (m.waar) fact("Waar: ", m.waar);
  if (m.kosten) fact("Kosten: ", m.kosten);
  return el("li", { class: "op-card" },
    el("h2", { class: "utrecht-heading-3 op-card__title" }, el("a", { class: "utrecht-link utrecht-link--html-a", href: data.url }, m.title || data.url)),
    m.samenvatting ? el("p", { class: "op-card__summary" }, m.samenvatting) : null,
    facts);
}

async function start() {
  if (!groups.length) return;
  // In the page itself rather than in Pagefind's worker: one file less to fetch before the first answer.
  const pagefind = (await import("/pagefind/pagefind.js")).createInstance({ noWorker: true });
  await pagefind.options({ baseUrl: "/" });
  await pagefind.init();
  const facets = readFacets();

  const word = el("input", { class: "utrecht-textbox utrecht-textbox--html-input op-zoek__woord", type: "search", id: "zoek-woord", name: "q", autocomplete: "off", enterkeyhint: "search" });
  const form = el("form", { class: "op-zoek", role: "search", "aria-label": "Zoeken" },
    el("label", { class: "utrecht-form-label op-zoek__label", for: "zoek-woord" }, "Zoek op een woord"), word);
  const counts = new Map();
  for (const f of facets) {
    const list = el("ul", { class: "op-zoek__keuzes" });
    for (const v of f.values) {
      const box = el("input", { class: "utrecht-checkbox utrecht-checkbox--html-input", type: "checkbox", id: "kies-" + v.slug, value: v.slug, "data-facet": f.id });
      const count = el("span", { class: "op-count" }, v.count);
      counts.set(v.slug, count);
      list.append(el("li", {}, box, " ", el("label", { for: "kies-" + v.slug }, v.label, " ", count)));
    }
    form.append(el("details", { class: "op-zoek__groep" }, el("summary", {}, f.heading), list));
  }
  const status = el("p", { class: "utrecht-paragraph op-zoek__uitkomst", role: "status" });
  const results = el("ul", { class: "op-agenda" });
  const more = el("button", { class: "utrecht-button utrecht-button--secondary-action", type: "button", hidden: true }, "Meer laten zien");
  groups[0].before(form, status, results, more);
  for (const nav of groups) nav.hidden = true;

  let latest = 0;
  let shown = [];
  let found = [];

  async function show(from) {
    const slice = found.slice(from, from + PER_PAGE);
    const data = await Promise.all(slice.map((r) => r.data()));
    return data;
  }

  async function run() {
    const mine = ++latest;
    const started = performance.now();
    const term = word.value.trim();
    const filters = {};
    for (const box of form.querySelectorAll("input[type=checkbox]:checked")) {
      (filters[box.dataset.facet] ||= { any: [] }).any.push(box.value);
    }
    if (!term && !Object.keys(filters).length) {
      found = [];
      results.replaceChildren();
      more.hidden = true;
      status.textContent = "Typ een woord, of kies hieronder wat u zoekt.";
      for (const f of facets) for (const v of f.values) counts.get(v.slug).textContent = v.count;
      return;
    }
    // Without a word, in the index's order: the lists' order, soonest first.
    const search = await pagefind.search(term || null, { filters });
    if (mine !== latest) return; // a newer question is on its way
    found = search.results;
    const data = await show(0);
    if (mine !== latest) return;
    results.replaceChildren(...data.map(card));
    shown = data;
    more.hidden = found.length <= shown.length;
    const n = found.length;
    status.textContent = n === 0 ? "Niets gevonden. Probeer een ander woord, of kies minder."
      : n === 1 ? "1 cursus of activiteit gevonden." : n + " cursussen en activiteiten gevonden.";
    performance.measure("op-zoeken", { start: started });
    // Counts say what a box would find: within a group that has a choice, without that group's own
    // choices (a place more is more, not less), so those groups need a search of their own.
    const perFacet = {};
    for (const f of facets) {
      if (!filters[f.id]) { perFacet[f.id] = search.filters?.[f.id]; continue; }
      const others = { ...filters };
      delete others[f.id];
      perFacet[f.id] = (await pagefind.search(term || null, { filters: others })).filters?.[f.id];
      if (mine !== latest) return;
    }
    for (const f of facets) {
      for (const v of f.values) counts.get(v.slug).textContent = "(" + (perFacet[f.id]?.[v.slug] ?? 0) + ")";
    }
  }

  more.addEventListener("click", async () => {
    const data = await show(shown.length);
    results.append(...data.map(card));
    shown = shown.concat(data);
    more.hidden = found.length <= shown.length;
    results.children[shown.length - data.length]?.querySelector("a")?.focus();
  });
  form.addEventListener("submit", (e) => { e.preventDefault(); run(); });
  word.addEventListener("input", run);
  form.addEventListener("change", (e) => { if (e.target.type === "checkbox") run(); });
  const asked = new URLSearchParams(location.search).get("q");
  if (asked) word.value = asked.slice(0, 200);
  run();
}

start().catch(() => {
  // No index (yet), or a browser that cannot run it: the filter pages still work.
});
