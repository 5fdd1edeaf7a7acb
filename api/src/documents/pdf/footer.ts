import QRCode from 'qrcode';
import type { LayoutEngine } from './layout.js';
import { COLORS, CONTENT_WIDTH, PAGE, TYPE } from './page-style.js';
import type { Painter } from './painter.js';

/** Dark modules of a QR symbol as horizontal runs per row: [startColumn, length]. */
export interface QrMatrix {
  size: number;
  rows: Array<Array<[number, number]>>;
}

export function qrMatrix(text: string): QrMatrix {
  // Mask pinned so the symbol never depends on the library's mask heuristics changing.
  const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M', maskPattern: 0 });
  const rows: Array<Array<[number, number]>> = [];
  for (let r = 0; r < modules.size; r++) {
    const runs: Array<[number, number]> = [];
    let start = -1;
    for (let c = 0; c <= modules.size; c++) {
      const dark = c < modules.size && modules.data[r * modules.size + c] === 1;
      if (dark && start < 0) start = c;
      if (!dark && start >= 0) {
        runs.push([start, c - start]);
        start = -1;
      }
    }
    rows.push(runs);
  }
  return { size: modules.size, rows };
}

export interface FooterText {
  verifyUrl: string;
  shortHash: string;
}

const QR_SIZE = 50;
const URL_SIZE = 6.5;

/** Page number, QR code of the verification URL and the short hash, on the current page. */
export function drawFooter(engine: LayoutEngine, painter: Painter, qr: QrMatrix, text: FooterText, page: number, pages: number): void {
  const label = `第 ${page} 页  共 ${pages} 页`;
  painter.text(label, (PAGE.width - engine.widthOf(label, 10.5)) / 2, PAGE.height - 60, { size: 10.5 });

  const qrX = PAGE.width - PAGE.right - QR_SIZE;
  const qrY = PAGE.height - PAGE.bottom + 8;
  painter.modules(qrX, qrY, QR_SIZE / qr.size, qr.rows);
  ['扫码核验本文书', `校验码 ${text.shortHash}`].forEach((line, i) => {
    const width = engine.widthOf(line, TYPE.footer);
    painter.text(line, qrX - 6 - width, qrY + 22 + i * 13, { size: TYPE.footer, color: COLORS.muted });
  });

  // The URL itself, for readers without a scanner: centred under everything, at most two lines.
  const lines = engine.lines(`核验网址：${text.verifyUrl}`, URL_SIZE, false, CONTENT_WIDTH, CONTENT_WIDTH).slice(0, 2);
  lines.forEach((line, i) => {
    painter.text(line.text, (PAGE.width - line.width) / 2, PAGE.height - 28 - (lines.length - 1 - i) * 8.5, {
      size: URL_SIZE,
      color: COLORS.muted,
    });
  });
}
