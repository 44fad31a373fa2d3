// The board's and the headline figures' server calls. Shapes come from src/domain/returns/board.ts.
import { useQuery } from '@tanstack/react-query';
import type { Board, BoardQuery, Figures } from '../../../../domain/returns/board.ts';
import { api } from '../../../api/client.ts';

export type { Board, BoardQuery, Figures };

export const useBoard = (q: BoardQuery) =>
  useQuery({
    queryKey: ['returns', 'board', q],
    queryFn: ({ signal }) => api.get<Board>('/returns/board', q, signal),
  });

export const useFigures = (period: { from: string; to: string }) =>
  useQuery({
    queryKey: ['returns', 'figures', period],
    queryFn: ({ signal }) => api.get<Figures>('/returns/figures', period, signal),
  });
