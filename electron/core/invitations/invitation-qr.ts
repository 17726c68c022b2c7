/** A QR code of `text` as an SVG document, with a quiet zone so scanners find it on paper. */
export async function qrSvg(text: string): Promise<string> {
  // Loaded when a code is drawn, not with every command.
  const { default: QRCode } = await import('qrcode');
  return QRCode.toString(text, { type: 'svg', errorCorrectionLevel: 'M', margin: 4 });
}
