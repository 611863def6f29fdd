/**
 * Covering a face or a licence plate before a photo is saved: each tap on the
 * photo pixelates a square around the spot, for good (the pixels are drawn
 * anew from a few large blocks, so nothing can be recovered). "Undo" takes the
 * last square back while the photo is still on the phone.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { t } from '../../i18n.js';

const BLOCK = 12;

function pixelate(ctx: CanvasRenderingContext2D, x: number, y: number, size: number): void {
  const left = Math.max(0, Math.round(x - size / 2));
  const top = Math.max(0, Math.round(y - size / 2));
  const width = Math.min(ctx.canvas.width - left, size);
  const height = Math.min(ctx.canvas.height - top, size);
  const pixels = ctx.getImageData(left, top, width, height);
  for (let by = 0; by < height; by += BLOCK) {
    for (let bx = 0; bx < width; bx += BLOCK) {
      // The block's average colour, painted over the whole block.
      let r = 0;
      let g = 0;
      let b = 0;
      let n = 0;
      for (let yy = by; yy < Math.min(by + BLOCK, height); yy++) {
        for (let xx = bx; xx < Math.min(bx + BLOCK, width); xx++) {
          const i = (yy * width + xx) * 4;
          r += pixels.data[i]!;
          g += pixels.data[i + 1]!;
          b += pixels.data[i + 2]!;
          n += 1;
        }
      }
      ctx.fillStyle = `rgb(${Math.round(r / n)},${Math.round(g / n)},${Math.round(b / n)})`;
      ctx.fillRect(left + bx, top + by, Math.min(BLOCK, width - bx), Math.min(BLOCK, height - by));
    }
  }
}

export function BlurTool({ photo, onChange }: { photo: Blob; onChange: (blurred: Blob) => void }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const [bitmap, setBitmap] = useState<ImageBitmap | null>(null);
  const [spots, setSpots] = useState<[number, number][]>([]);
  useEffect(() => {
    void createImageBitmap(photo).then(setBitmap);
  }, [photo]);
  useEffect(() => {
    const c = canvas.current;
    if (!c || !bitmap) return;
    c.width = bitmap.width;
    c.height = bitmap.height;
    const ctx = c.getContext('2d', { willReadFrequently: true })!;
    ctx.drawImage(bitmap, 0, 0);
    const size = Math.round(Math.max(bitmap.width, bitmap.height) / 6);
    for (const [x, y] of spots) pixelate(ctx, x, y, size);
    if (spots.length > 0) c.toBlob((b) => b && onChange(b), 'image/jpeg', 0.82);
  }, [bitmap, spots]);
  const tap = (e: PointerEvent) => {
    const c = canvas.current!;
    const r = c.getBoundingClientRect();
    setSpots([...spots, [((e.clientX - r.left) / r.width) * c.width, ((e.clientY - r.top) / r.height) * c.height]]);
  };
  return (
    <div class="blur-tool">
      <p class="hint">{t('observe.blurHelp')}</p>
      <canvas ref={canvas} class="blur-canvas" role="img" aria-label={t('observe.blurImage', { n: spots.length })} onPointerDown={tap} />
      {spots.length > 0 && (
        <button type="button" class="secondary" onClick={() => setSpots(spots.slice(0, -1))}>
          {t('observe.blurUndo')}
        </button>
      )}
    </div>
  );
}
