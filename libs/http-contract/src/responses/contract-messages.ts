/** Success texts the old service's clients match word for word (docs/API.md). */
export const CONTRACT_MESSAGES = {
  inserted: 'Datos insertados correctamente',
  alreadyLoaded: 'El archivo ya fue cargado',
} as const;
