import { useEffect, useRef, useState } from 'preact/hooks';

/** A box to render into and its width in whole pixels, kept current as the box resizes (0 before layout). */
export function useBoxWidth<T extends HTMLElement>() {
  const box = useRef<T>(null);
  const [width, setWidth] = useState(0);
  useEffect(() => {
    const element = box.current;
    if (!element) return;
    const observer = new ResizeObserver(() => setWidth(Math.floor(element.clientWidth)));
    observer.observe(element);
    setWidth(Math.floor(element.clientWidth));
    return () => observer.disconnect();
  }, []);
  return { box, width };
}
