import type { ComponentChildren } from 'preact';

/** A screen: its heading takes focus when the screen opens (see navigate). */
export function Page({
  title,
  intro,
  children,
  wide,
}: {
  title: string;
  intro?: ComponentChildren;
  children: ComponentChildren;
  wide?: boolean;
}) {
  return (
    <section class={wide ? 'page wide' : 'page'}>
      <h1 tabIndex={-1}>{title}</h1>
      {intro && <p class="intro">{intro}</p>}
      {children}
    </section>
  );
}
