/** The symbol encoder of the qrcode package alone: pure JS, without its PNG (zlib) and file renderers. */
declare module "qrcode/lib/core/qrcode.js" {
  import type { QRCode, QRCodeOptions } from "qrcode";
  export function create(text: string, options?: QRCodeOptions): QRCode;
}
