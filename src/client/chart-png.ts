/** PNG download for a chart, loaded on demand by chart-tooltip.ts. */

/** Draws the chart's standalone SVG file onto a canvas at twice its size and saves it as PNG. */
export async function downloadPng(button: HTMLButtonElement): Promise<void> {
  const svgUrl = button.dataset.chartPng!;
  const name = button.dataset.filename ?? 'chart.png';
  const text = await (await fetch(svgUrl)).text();
  const blobUrl = URL.createObjectURL(new Blob([text], { type: 'image/svg+xml' }));
  try {
    const img = new Image();
    await new Promise<void>((resolve, reject) => {
      img.onload = () => resolve();
      img.onerror = () => reject(new Error('SVG 无法载入'));
      img.src = blobUrl;
    });
    const scale = 2;
    const canvas = document.createElement('canvas');
    canvas.width = img.naturalWidth * scale;
    canvas.height = img.naturalHeight * scale;
    const ctx = canvas.getContext('2d')!;
    ctx.fillStyle = '#fff';
    ctx.fillRect(0, 0, canvas.width, canvas.height);
    ctx.drawImage(img, 0, 0, canvas.width, canvas.height);
    const png = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
    if (!png) throw new Error('PNG 生成失败');
    const a = document.createElement('a');
    a.href = URL.createObjectURL(png);
    a.download = name;
    document.body.append(a);
    a.click();
    a.remove();
    window.setTimeout(() => URL.revokeObjectURL(a.href), 10_000);
  } finally {
    URL.revokeObjectURL(blobUrl);
  }
}
