/** Error texts the old service's clients match word for word (docs/API.md). */
export const CONTRACT_ERROR_MESSAGES = {
  itemNotFound: 'No existe el item_id en el historico de precios',
  csvFileRequired: 'Se requiere un archivo CSV',
  csvInvalidPrefix: 'Error procesando el archivo .csv: ',
} as const;
