import { barX, barY, plot, ruleX, ruleY, text } from '@observablehq/plot';
import { useEffect } from 'preact/hooks';
import { useBoxWidth } from './use-box-width.ts';

export interface Bar {
  label: string;
  count: number;
}

interface BarChartProps {
  bars: readonly Bar[];
  /** Accessible name of the chart image. */
  label: string;
  /** Horizontal bars with the labels on the left (long names); vertical bars otherwise. */
  horizontal?: boolean;
  /** What the bars count (the value axis label). */
  unit?: string;
}

const shorten = (label: string, max: number) => (label.length > max ? `${label.slice(0, max - 1)}…` : label);

/** Observable Plot bar chart, redrawn when its box changes width. */
export function BarChart({ bars, label, horizontal = false, unit = 'talks' }: BarChartProps) {
  const { box, width } = useBoxWidth<HTMLDivElement>();
  useEffect(() => {
    const element = box.current;
    if (!element || width === 0) return;
    const data = bars.map((b) => ({ ...b }));
    const maxLabel = Math.max(8, Math.min(34, Math.floor(width / 16)));
    const chart = horizontal
      ? plot({
          width,
          height: Math.max(80, data.length * 24 + 30),
          marginLeft: Math.min(240, maxLabel * 7 + 10),
          ariaLabel: label,
          x: { grid: true, label: unit },
          y: { label: null, domain: data.map((d) => d.label), tickFormat: (d: string) => shorten(d, maxLabel) },
          marks: [
            barX(data, { x: 'count', y: 'label' }),
            text(data, { x: 'count', y: 'label', text: 'count', dx: -4, textAnchor: 'end', fill: 'var(--bar-text)' }),
            ruleX([0]),
          ],
        })
      : plot({
          width,
          height: 220,
          ariaLabel: label,
          marginBottom: data.length > 8 ? 60 : 30,
          x: { label: null, domain: data.map((d) => d.label), tickRotate: data.length > 8 ? -45 : 0 },
          y: { grid: true, label: unit },
          marks: [barY(data, { x: 'label', y: 'count' }), text(data, { x: 'label', y: 'count', text: 'count', dy: -8 }), ruleY([0])],
        });
    // One image to assistive technology (its numbers are in the table beside it): the marks' own
    // aria-labels are not allowed inside role="img", so they become classes for the style sheet.
    chart.setAttribute('role', 'img');
    for (const node of chart.querySelectorAll('[aria-label], [aria-description]')) {
      const mark = node.getAttribute('aria-label');
      if (mark) node.classList.add(`mark-${mark.replace(/[^a-z0-9-]+/gi, '-')}`);
      node.removeAttribute('aria-label');
      node.removeAttribute('aria-description');
    }
    element.replaceChildren(chart);
    return () => chart.remove();
  }, [bars, width, horizontal, label, unit]);
  return <div class="chart" ref={box} />;
}
