import QRCode from 'qrcode';

/** A QR code of `text` as an SVG document, with a quiet zone so scanners find it on paper. */
export function qrSvg(text: string): Promise<string> {
  return QRCode.toString(text, { type: 'svg', errorCorrectionLevel: 'M', margin: 4 });
}
