// Document page: clicking an event's evidence in the text (or its card) selects the event:
// its card, every piece of its evidence and the mentions of its source and target light up.
(function () {
  "use strict";
  const text = document.getElementById("doc-text");
  if (!text) return;

  function clear() {
    document.querySelectorAll(".selected").forEach((el) => el.classList.remove("selected"));
  }

  function select(evId, scrollTo) {
    clear();
    const card = document.getElementById("ev-" + evId);
    if (!card) return;
    card.classList.add("selected");
    text.querySelectorAll('mark.ev[data-ev="' + CSS.escape(evId) + '"]').forEach((m) => m.classList.add("selected"));
    (card.dataset.ents || "").split(" ").filter(Boolean).forEach((ent) => {
      text.querySelectorAll('[data-ent="' + CSS.escape(ent) + '"]').forEach((m) => m.classList.add("selected"));
    });
    if (scrollTo === "card") card.scrollIntoView({ block: "nearest", behavior: "smooth" });
    if (scrollTo === "text") {
      const first = text.querySelector('mark.ev[data-ev="' + CSS.escape(evId) + '"]');
      if (first) first.scrollIntoView({ block: "center", behavior: "smooth" });
    }
    history.replaceState(null, "", "#ev-" + evId);
  }

  text.addEventListener("click", (e) => {
    // Entity links inside evidence keep working as links.
    if (e.target.closest("a")) return;
    const mark = e.target.closest("mark.ev");
    if (mark) select(mark.dataset.ev, "card");
  });
  text.addEventListener("keydown", (e) => {
    const mark = e.target.closest && e.target.closest("mark.ev");
    if (mark && (e.key === "Enter" || e.key === " ")) { e.preventDefault(); select(mark.dataset.ev, "card"); }
  });
  document.querySelectorAll(".event-card").forEach((card) => {
    card.addEventListener("click", (e) => {
      if (e.target.closest("a") && !e.target.closest("blockquote")) return;
      e.preventDefault();
      select(card.dataset.ev, "text");
    });
  });

  const m = /^#ev-(.+?)(-text)?$/.exec(location.hash);
  if (m) select(decodeURIComponent(m[1]), m[2] ? "card" : "text");
})();
