"""The guided steps of a tilbud's takstberegning, one page per step, in the order the user
goes through them (Styringsaftalen 2025-2026 kap. 5 and 9)."""
