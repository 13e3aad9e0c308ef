/**
 * Where a large flow's diagram is cut into parts. A diagram of 40 blocks rendered at its default
 * size (scaled to the page's width) has unreadable text; parts of at most MAX_PART_ACTIONS blocks
 * read at full size. Parts are runs of the template's own order (authors write a flow in its
 * stages), cut where the fewest arrows cross from one part to another. Pure: no Mermaid here.
 */

/** Flows with more blocks than this are drawn in parts. */
export const MAX_PART_ACTIONS = 7;
/** No part smaller than this (a part of two blocks says little on its own). */
const MIN_PART_ACTIONS = 4;
/** Each extra part costs as much as this many crossing arrows: fewer, larger parts win ties. */
const PART_COST = 2;

/** One arrow between two blocks, by their position in the flow's action list. */
export interface IndexedEdge {
  readonly from: number;
  readonly to: number;
}

/** A part: blocks [start, end) of the flow's action list. */
export interface Part {
  readonly start: number;
  readonly end: number;
}

/**
 * Cuts `count` blocks into consecutive parts of MIN_PART_ACTIONS..MAX_PART_ACTIONS blocks (one
 * part when they all fit), minimising the arrows that cross each cut plus PART_COST per part.
 * An arrow spanning several cuts counts at each: long jumps between distant stages cost more.
 */
export function partition(count: number, edges: readonly IndexedEdge[]): Part[] {
  if (count <= MAX_PART_ACTIONS) return [{ start: 0, end: count }];
  // crossing[b]: arrows between a block before position b and one at or after it.
  const crossing = Array.from({ length: count + 1 }, (_, b) =>
    b === 0 || b === count
      ? 0
      : edges.filter((e) => Math.min(e.from, e.to) < b && Math.max(e.from, e.to) >= b).length,
  );
  // best[j]: cheapest cutting of blocks [0, j); from[j]: where its last part starts.
  const best: number[] = Array.from({ length: count + 1 }, () => Infinity);
  const from: number[] = Array.from({ length: count + 1 }, () => -1);
  best[0] = 0;
  for (let j = MIN_PART_ACTIONS; j <= count; j++) {
    for (let i = Math.max(0, j - MAX_PART_ACTIONS); i <= j - MIN_PART_ACTIONS; i++) {
      const cost = (best[i] ?? Infinity) + PART_COST + (crossing[i] ?? 0);
      if (cost < (best[j] ?? Infinity)) {
        best[j] = cost;
        from[j] = i;
      }
    }
  }
  const parts: Part[] = [];
  for (let end = count; end > 0; end = from[end] ?? 0) parts.unshift({ start: from[end] ?? 0, end });
  return parts;
}

/**
 * Blocks in reading order: depth first from the start block, following each block's arrows in
 * the order it lists them, so one branch's chain of blocks stays together (and so in one part);
 * blocks no arrow reaches follow in template order. Returns block indices.
 */
export function readingOrder(count: number, startIndex: number, edges: readonly IndexedEdge[]): number[] {
  const next = Array.from({ length: count }, (_, i) => edges.filter((e) => e.from === i).map((e) => e.to));
  const seen = new Set<number>();
  const order: number[] = [];
  const stack = startIndex >= 0 && startIndex < count ? [startIndex] : [];
  while (stack.length > 0) {
    const i = stack.pop()!;
    if (seen.has(i)) continue;
    seen.add(i);
    order.push(i);
    // Pushed in reverse so the first-listed arrow is walked first.
    for (const j of [...(next[i] ?? [])].reverse()) if (!seen.has(j)) stack.push(j);
  }
  for (let i = 0; i < count; i++) if (!seen.has(i)) order.push(i);
  return order;
}
