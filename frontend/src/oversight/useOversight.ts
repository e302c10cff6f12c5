import { useQuery } from "@tanstack/react-query";
import { useDataProvider } from "react-admin";

import type { dataProvider as provider } from "../dataProvider";

/** GET one oversight statistic through the data provider (react-query caches it per path). */
export function useOversight<T>(path: string, enabled = true) {
  const dataProvider = useDataProvider<typeof provider>();
  return useQuery({
    queryKey: ["oversight", path],
    queryFn: () => dataProvider.get<T>(path),
    enabled,
    retry: false,
  });
}
