/** Export of a rendered chart: its SVG as a standalone file, or a PNG drawn from it at 2× resolution. */

/** The SVG text of `svg`, standalone (namespaces set, computed font inlined). */
export function svgText(svg: SVGSVGElement): string {
  const copy = svg.cloneNode(true) as SVGSVGElement;
  copy.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  copy.setAttribute('xmlns:xlink', 'http://www.w3.org/1999/xlink');
  if (!copy.getAttribute('font-family')) copy.setAttribute('font-family', 'system-ui, sans-serif');
  const style = copy.ownerDocument.createElementNS('http://www.w3.org/2000/svg', 'rect');
  style.setAttribute('width', '100%');
  style.setAttribute('height', '100%');
  style.setAttribute('fill', 'white');
  copy.insertBefore(style, copy.firstChild);
  return new XMLSerializer().serializeToString(copy);
}

/** Offers `data` as a download named `filename`. */
export function download(filename: string, data: Blob): void {
  const url = URL.createObjectURL(data);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** Downloads `svg` as `<name>.svg`. */
export function downloadSvg(svg: SVGSVGElement, name: string): void {
  download(`${name}.svg`, new Blob([svgText(svg)], { type: 'image/svg+xml' }));
}

/** Renders `svg` to a PNG (2× its size) and downloads it as `<name>.png`. */
export async function downloadPng(svg: SVGSVGElement, name: string): Promise<void> {
  const width = svg.width.baseVal.value || svg.getBoundingClientRect().width;
  const height = svg.height.baseVal.value || svg.getBoundingClientRect().height;
  const url = URL.createObjectURL(new Blob([svgText(svg)], { type: 'image/svg+xml' }));
  try {
    const img = new Image();
    img.src = url;
    await img.decode();
    const canvas = document.createElement('canvas');
    canvas.width = Math.ceil(width * 2);
    canvas.height = Math.ceil(height * 2);
    const ctx = canvas.getContext('2d');
    if (!ctx) throw new Error('PNG export: this browser gives no 2-D canvas');
    ctx.scale(2, 2);
    ctx.drawImage(img, 0, 0, width, height);
    const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
    if (!blob) throw new Error('PNG export: the canvas could not be encoded');
    download(`${name}.png`, blob);
  } finally {
    URL.revokeObjectURL(url);
  }
}
