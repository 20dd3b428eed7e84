// Hovering or focusing a highlight shows its record; its other mentions and its table row light up.
(function () {
  "use strict";
  const card = document.getElementById("record-card");
  let current = null;

  function related(record) {
    const marks = document.querySelectorAll("mark.hl[data-record]");
    const rows = document.querySelectorAll("tr[data-row]");
    return Array.from(marks).filter((m) => m.dataset.record === record)
      .concat(Array.from(rows).filter((r) => r.dataset.row === record));
  }

  function hide() {
    card.hidden = true;
    card.replaceChildren();
    if (current !== null) related(current).forEach((el) => el.classList.remove("active"));
    current = null;
  }

  function show(mark) {
    const record = mark.dataset.record;
    const template = document.getElementById("card-" + record);
    if (template === null) return;
    if (current !== record) {
      hide();
      current = record;
      related(record).forEach((el) => el.classList.add("active"));
      card.replaceChildren(template.content.cloneNode(true));
    }
    card.hidden = false;
    const box = mark.getBoundingClientRect();
    const width = card.offsetWidth;
    const height = card.offsetHeight;
    const left = Math.max(8, Math.min(box.left, window.innerWidth - width - 8));
    const below = box.bottom + 6;
    const top = below + height > window.innerHeight - 8 ? Math.max(8, box.top - height - 6) : below;
    card.style.left = left + "px";
    card.style.top = top + "px";
  }

  function markOf(event) {
    return event.target instanceof Element ? event.target.closest("mark.hl[data-record]") : null;
  }

  document.addEventListener("mouseover", (event) => {
    const mark = markOf(event);
    if (mark !== null) show(mark);
    else if (document.activeElement === null || markOf({ target: document.activeElement }) === null) hide();
  });
  document.addEventListener("focusin", (event) => {
    const mark = markOf(event);
    if (mark !== null) show(mark);
  });
  document.addEventListener("focusout", () => hide());
  document.addEventListener("keydown", (event) => {
    if (event.key === "Escape") hide();
  });
  window.addEventListener("scroll", () => hide(), { passive: true });
})();
