import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ArchiveDetail, ArchiveSummary, ArchiveVerification, PublicResults } from '@palabre/contracts';
import { outcomeEndpoints } from '../api';

const archiveKey = ['archive'] as const;

export function useArchiveList(token: string, q: string) {
  return useQuery<ArchiveSummary[]>({ queryKey: [...archiveKey, 'list', q], queryFn: () => outcomeEndpoints.list(token, q) });
}

export function useArchiveDetail(token: string, id: string) {
  return useQuery<ArchiveDetail>({ queryKey: [...archiveKey, 'detail', id], queryFn: () => outcomeEndpoints.get(token, id) });
}

export function useVerify(token: string, id: string) {
  return useMutation<ArchiveVerification, Error, void>({ mutationFn: () => outcomeEndpoints.verify(token, id) });
}

/** Publication and pseudonymisation change the archive: refetch it afterwards. */
export function useArchiveChange<A>(change: (arg: A) => Promise<ArchiveSummary>) {
  const client = useQueryClient();
  return useMutation<ArchiveSummary, Error, A>({ mutationFn: change, onSuccess: () => client.invalidateQueries({ queryKey: archiveKey }) });
}

export function usePublicResults(code: string) {
  return useQuery<PublicResults>({ queryKey: ['public-results', code], queryFn: () => outcomeEndpoints.publicResults(code), retry: false });
}
