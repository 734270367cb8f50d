// WCAG 2.1 AA contrast of everything a page shows, from Chromium's computed styles
// (run by tests/browser/test_contrast.py): every visible text (text nodes, ::before and
// ::after content, list markers, form values and placeholders, SVG text) against its
// effective background, and the boundary of every text field against what surrounds
// it. The background is the element's and its ancestors' background colours,
// composited over the canvas; text on a background image is reported, not guessed.
() => {
  const problems = [];
  const unmeasured = [];
  let measured = 0;
  let bullets = 0;

  const parse = (value) => {
    const match = /^rgba?\(([^)]+)\)$/.exec(value || "");
    if (!match) return null;
    const parts = match[1].split(/[\s,/]+/).filter(Boolean)
      .map((p) => (p.endsWith("%") ? parseFloat(p) / 100 : parseFloat(p)));
    return [parts[0], parts[1], parts[2], parts.length > 3 ? parts[3] : 1];
  };
  const over = (top, bottom) =>
    [0, 1, 2].map((i) => top[i] * top[3] + bottom[i] * (1 - top[3])).concat([1]);
  const channel = (c) => {
    const s = c / 255;
    return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  const luminance = (c) => 0.2126 * channel(c[0]) + 0.7152 * channel(c[1]) + 0.0722 * channel(c[2]);
  const ratio = (a, b) => {
    const [high, low] = [luminance(a), luminance(b)].sort((x, y) => y - x);
    return (high + 0.05) / (low + 0.05);
  };
  const css = (c) => `rgb(${c.slice(0, 3).map(Math.round).join(" ")})`;
  const describe = (el) => {
    const cls = typeof el.className === "string" && el.className.trim()
      ? "." + el.className.trim().split(/\s+/).join(".") : "";
    return el.tagName.toLowerCase() + cls;
  };

  // The colour behind `el`'s content: {colour} or {unknown: why}.
  const backdrop = (el) => {
    const layers = [];
    let opacity = 1;
    for (let node = el; node && node.nodeType === 1; node = node.parentElement) {
      const style = getComputedStyle(node);
      opacity *= parseFloat(style.opacity);
      if (style.backgroundImage !== "none") return { unknown: `background image on ${describe(node)}` };
      const colour = parse(style.backgroundColor);
      if (!colour) return { unknown: `background ${style.backgroundColor} on ${describe(node)}` };
      if (colour[3] > 0) {
        layers.push(colour);
        if (colour[3] >= 1) break;
      }
    }
    if (opacity < 1) return { unknown: `opacity ${opacity}` };
    let colour = [255, 255, 255, 1]; // the canvas
    for (const layer of layers.reverse()) colour = over(layer, colour);
    return { colour };
  };

  // SVG text sits on the shapes drawn before it (the locator's water), not on ancestors.
  const svgBackdrop = (el) => {
    const svg = el.closest("svg");
    const base = backdrop(svg);
    if (!base.colour) return base;
    const box = el.getBoundingClientRect();
    const x = box.left + box.width / 2;
    const y = box.top + box.height / 2;
    let colour = base.colour;
    for (const shape of svg.querySelectorAll("rect")) {
      if (!(shape.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_FOLLOWING)) continue;
      const r = shape.getBoundingClientRect();
      if (x < r.left || x > r.right || y < r.top || y > r.bottom) continue;
      const style = getComputedStyle(shape);
      const fill = parse(style.fill);
      if (!fill) return { unknown: `fill ${style.fill} on ${describe(shape)}` };
      fill[3] *= parseFloat(style.fillOpacity) * parseFloat(style.opacity);
      colour = over(fill, colour);
    }
    return { colour };
  };

  // Hidden from sight: not rendered, or clipped to nothing (.visually-hidden, the honeypot).
  const hidden = (el) => {
    if (!el.checkVisibility({ checkOpacity: true, checkVisibilityCSS: true })) return true;
    for (let node = el; node && node.nodeType === 1; node = node.parentElement) {
      const style = getComputedStyle(node);
      if (style.clipPath !== "none" || style.clip !== "auto") return true;
      const box = node.getBoundingClientRect();
      if (style.overflow !== "visible" && (box.width <= 1 || box.height <= 1)) return true;
    }
    return false;
  };

  const check = (el, text, colourValue, style, back, needed) => {
    if (!back.colour) {
      unmeasured.push(`${describe(el)} "${text}": ${back.unknown}`);
      return;
    }
    const colour = parse(colourValue);
    if (!colour) {
      unmeasured.push(`${describe(el)} "${text}": colour ${colourValue}`);
      return;
    }
    const size = parseFloat(style.fontSize);
    const weight = parseInt(style.fontWeight, 10);
    const large = size >= 24 || (size >= 18.66 && weight >= 700);
    const wanted = needed || (large ? 3 : 4.5);
    const shown = over(colour, back.colour);
    const value = ratio(shown, back.colour);
    measured += 1;
    if (el.classList && el.classList.contains("route-bullet")) bullets += 1;
    if (value < wanted) {
      problems.push(`${describe(el)} "${text.slice(0, 40)}": ${value.toFixed(2)}:1, needs ${wanted}:1`
        + ` (${css(shown)} on ${css(back.colour)}, ${size}px ${weight})`);
    }
  };

  // Text nodes: each element with text of its own, once.
  const seen = new Set();
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  while (walker.nextNode()) {
    const node = walker.currentNode;
    const text = node.nodeValue.trim();
    const el = node.parentElement;
    if (!text || !el || seen.has(el)) continue;
    if (["SCRIPT", "STYLE", "NOSCRIPT", "TEMPLATE", "TITLE", "OPTION"].includes(el.tagName)) continue;
    seen.add(el);
    const range = document.createRange();
    range.selectNodeContents(node);
    const box = range.getBoundingClientRect();
    if (box.width < 1 || box.height < 1 || hidden(el)) continue;
    const style = getComputedStyle(el);
    if (el instanceof SVGElement) {
      check(el, text, style.fill, style, svgBackdrop(el));
    } else {
      check(el, text, style.color, style, backdrop(el));
    }
  }

  for (const el of document.body.querySelectorAll("*")) {
    if (el instanceof SVGElement || hidden(el)) continue;
    // Generated text: ✓, "! ", the quote's dash, the hours' dot.
    for (const pseudo of ["::before", "::after"]) {
      const style = getComputedStyle(el, pseudo);
      const content = /^"(.*)"$/.exec(style.content);
      if (!content || !content[1].trim() || style.display === "none") continue;
      const own = parse(style.backgroundColor);
      const back = own && own[3] >= 1 ? { colour: own } : backdrop(el);
      check(el, `${pseudo} ${content[1]}`, style.color, style, back);
    }
    // List markers: numbers are text (4.5:1), bullets are graphics (3:1).
    const elStyle = getComputedStyle(el);
    if (elStyle.display === "list-item" && elStyle.listStyleType !== "none") {
      const marker = getComputedStyle(el, "::marker");
      const graphic = ["disc", "circle", "square"].includes(elStyle.listStyleType);
      check(el, `::marker ${elStyle.listStyleType}`, marker.color, marker, backdrop(el), graphic ? 3 : null);
    }
  }

  // Form fields: their value or placeholder, and their boundary (3:1, WCAG 1.4.11).
  const fields = "input:not([type=hidden]):not([type=checkbox]):not([type=radio]), select, textarea";
  for (const el of document.body.querySelectorAll(fields)) {
    if (hidden(el)) continue;
    const style = getComputedStyle(el);
    const back = backdrop(el);
    const buttonLike = ["submit", "button", "reset"].includes(el.type);
    const shownText = el.tagName === "SELECT" ? (el.selectedOptions[0] || {}).text : el.value;
    if (shownText && shownText.trim()) {
      check(el, shownText.trim(), style.color, style, back);
    } else if (el.placeholder) {
      check(el, `placeholder ${el.placeholder}`, getComputedStyle(el, "::placeholder").color, style, back);
    }
    if (buttonLike) continue;
    const around = backdrop(el.parentElement);
    if (!around.colour || !back.colour) {
      unmeasured.push(`${describe(el)} boundary: ${around.unknown || back.unknown}`);
      continue;
    }
    const sides = ["Top", "Right", "Bottom", "Left"].map((side) => ({
      width: parseFloat(style[`border${side}Width`]),
      colour: parse(style[`border${side}Color`]),
    })).filter((side) => side.width > 0 && side.colour);
    const edges = sides.map((side) => ratio(over(side.colour, around.colour), around.colour));
    const fill = ratio(back.colour, around.colour);
    const best = Math.max(fill, ...edges);
    measured += 1;
    if (best < 3) {
      problems.push(`${describe(el)}#${el.id} boundary: ${best.toFixed(2)}:1, needs 3:1`);
    }
  }

  return { problems, unmeasured, measured, bullets };
}
