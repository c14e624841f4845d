/** Texts the old service's clients depend on, word for word (../shared/API.md). */
export const CONTRACT_MESSAGES = {
  itemNotFound: 'No existe el item_id en el historico de precios',
  csvFileRequired: 'Se requiere un archivo CSV',
  csvInvalidPrefix: 'Error procesando el archivo .csv: ',
  inserted: 'Datos insertados correctamente',
  alreadyLoaded: 'El archivo ya fue cargado',
} as const;
