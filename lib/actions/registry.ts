/**
 * Every server action registers itself here when its module loads, so tests can enumerate
 * them (tenant isolation is checked for each council action automatically).
 */
export interface TActionInfo {
  name: string;
  kind: "council" | "user" | "operator";
  permission?: string;
}

const registry = new Map<string, TActionInfo>();

export function registerAction(info: TActionInfo): void {
  registry.set(info.name, info);
}

export function registeredActions(): TActionInfo[] {
  return [...registry.values()];
}
