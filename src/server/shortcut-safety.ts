import type { Plugin } from 'graphql-yoga';

/**
 * Early answers inside Yoga's pipeline (the response cache answers a repeated query before it is
 * parsed, validated or executed, from the last request hook or from the request parser) skip the
 * hooks of every plugin that would have run after them. That is only right for plugins whose hooks
 * cannot change such an answer, so each plugin says so (shortcutSafe, with its reason); a plugin that
 * does not — authentication, rate limits, tracing, persisted documents added later — switches every
 * shortcut off (guardShortcuts), and then every request reaches its hooks.
 */
const SAFE = Symbol.for('talk-graph.shortcut-safe');
const SHORTCUT = Symbol.for('talk-graph.shortcut');
const ANSWERS_IN_ON_REQUEST = Symbol.for('talk-graph.shortcut-in-on-request');

/**
 * Hooks that still run on an early answer: start-up hooks, the request hooks of the plugins listed
 * before the one that answers (Yoga runs them in list order and stops at an answer) and the response hooks.
 */
const HOOKS_KEPT = new Set(['onYogaInit', 'onPluginInit', 'onSchemaChange', 'onRequest', 'onResponse', 'onDispose']);
const HOOKS_KEPT_AFTER_A_REQUEST_HOOK_ANSWER = new Set([...HOOKS_KEPT].filter((hook) => hook !== 'onRequest'));

type Marked = Plugin & { [SAFE]?: string; [SHORTCUT]?: Shortcut; [ANSWERS_IN_ON_REQUEST]?: true };

/** A plugin that answers early, and can be told not to. */
export interface Shortcut {
  /** Whether it may answer early. */
  readonly enabled: boolean;
  /** Stops its early answers for good, naming the plugins that are not safe for them. */
  disable(unsafe: readonly string[]): void;
}

/** Declares that skipping this plugin's hooks on an early answer cannot change that answer. */
export function shortcutSafe<P extends Plugin>(plugin: P, reason: string): P {
  (plugin as Marked)[SAFE] = reason;
  return plugin;
}

/** Marks a plugin as one that answers early (see Shortcut); `answersIn: 'onRequest'` when it answers from its request hook, which skips the request hooks of the plugins listed after it. */
export function offersShortcut<P extends Plugin>(plugin: P, shortcut: Shortcut, where: { answersIn?: 'onRequest' } = {}): P {
  (plugin as Marked)[SHORTCUT] = shortcut;
  if (where.answersIn === 'onRequest') (plugin as Marked)[ANSWERS_IN_ON_REQUEST] = true;
  return plugin;
}

/** A name for a plugin in a log line: its hooks, since plugins are plain objects. */
function describe(plugin: Plugin): string {
  const hooks = Object.keys(plugin).filter((key) => typeof (plugin as Record<string, unknown>)[key] === 'function');
  return `plugin with ${hooks.join(', ') || 'no hooks'}`;
}

/** The plugins an early answer would skip although they did not declare themselves safe for it. */
export function unsafeForShortcuts(plugins: ReadonlyArray<Plugin | false | null | undefined>): Plugin[] {
  let kept = HOOKS_KEPT;
  return plugins.filter((plugin): plugin is Plugin => {
    if (!plugin) return false;
    const marked = plugin as Marked;
    if (marked[ANSWERS_IN_ON_REQUEST]) kept = HOOKS_KEPT_AFTER_A_REQUEST_HOOK_ANSWER;
    if (marked[SAFE] !== undefined || marked[SHORTCUT] !== undefined) return false;
    return Object.keys(plugin).some((key) => key.startsWith('on') && !kept.has(key)) || 'instrumentation' in plugin;
  });
}

/**
 * Checks the plugin list Yoga is given: when any plugin is unsafe for early answers, every plugin
 * that offers one is disabled (and `onDisabled` says which plugins switched it off). Returns the list.
 */
export function guardShortcuts<T extends ReadonlyArray<Plugin | false | null | undefined>>(onDisabled: (unsafe: readonly string[]) => void, plugins: T): T {
  const unsafe = unsafeForShortcuts(plugins).map(describe);
  if (unsafe.length === 0) return plugins;
  for (const plugin of plugins) {
    const shortcut = plugin ? (plugin as Marked)[SHORTCUT] : undefined;
    if (shortcut?.enabled) shortcut.disable(unsafe);
  }
  if (plugins.some((plugin) => plugin && (plugin as Marked)[SHORTCUT])) onDisabled(unsafe);
  return plugins;
}
