/** Query parameters as a plain object: repeated keys keep every value, joined by `joiner`. */
export function searchParamsObject(params: URLSearchParams, repeatable: Record<string, string> = {}): Record<string, string> {
  const result: Record<string, string> = {};
  for (const key of new Set(params.keys())) {
    const values = params.getAll(key);
    result[key] = key in repeatable ? values.join(repeatable[key]) : values[0];
  }
  return result;
}
