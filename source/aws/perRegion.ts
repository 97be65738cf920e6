/** One client per region, made on first use: a region never used costs nothing. */
export function perRegion<T>(create: (region: string) => T): (region: string) => T {
  const clients = new Map<string, T>();
  return (region) => {
    const client = clients.get(region) ?? create(region);
    clients.set(region, client);
    return client;
  };
}
