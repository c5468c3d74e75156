export async function seedDemoData(..._a: unknown[]): Promise<void> {}
