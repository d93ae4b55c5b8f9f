// A program's QR code, made in the browser from its link (the vendored qrcode-generator): the
// link holds the program, so no server could make it.

import qrcode from "../../vendor/qrcode.mjs";
import { element } from "../common/dom.js";

/**
 * The QR code of `url`, with the address printed beneath it.
 * @param {string} url
 */
export function qrFigure(url) {
  const code = qrcode(0, "M");
  code.addData(url);
  code.make();
  const svg = new DOMParser().parseFromString(code.createSvgTag(3, 12), "image/svg+xml").documentElement;
  svg.setAttribute("role", "img");
  svg.setAttribute("aria-label", "QR code of this program's link");
  svg.classList.add("kg-qr-code");
  return element(
    "figure",
    { class: "kg-qr" },
    svg,
    element("figcaption", {}, "Scan to open this program. ", element("span", { class: "kg-url" }, url)),
  );
}
