/** react-admin's own strings in Spanish. The npm package ra-language-spanish targets react-admin 2, so the keys a
 * user meets most are translated here and the rest fall back to English. */
const raSpanish = {
  ra: {
    action: {
      add_filter: "Añadir filtro", add: "Añadir", back: "Volver", cancel: "Cancelar", clear_input_value: "Borrar",
      clone: "Duplicar", confirm: "Confirmar", create: "Crear", delete: "Eliminar", edit: "Editar", export: "Exportar",
      list: "Lista", refresh: "Actualizar", remove_filter: "Quitar filtro", remove: "Quitar", save: "Guardar",
      search: "Buscar", show: "Ver", sort: "Ordenar", undo: "Deshacer", close: "Cerrar", open_menu: "Abrir menú",
      close_menu: "Cerrar menú", select_columns: "Columnas", clear_array_input: "Vaciar la lista",
    },
    auth: {
      auth_check_error: "Inicie sesión para continuar", user_menu: "Perfil", username: "Usuario",
      password: "Contraseña", sign_in: "Iniciar sesión", sign_in_error: "Error de autenticación",
      logout: "Cerrar sesión",
    },
    navigation: {
      no_results: "Sin resultados", page_rows_per_page: "Filas por página:", next: "Siguiente", previous: "Anterior",
      page_range_info: "%{offsetBegin}-%{offsetEnd} de %{total}", skip_nav: "Saltar al contenido",
    },
    page: {
      dashboard: "Inicio", list: "%{name}", create: "Crear %{name}", edit: "%{name} %{recordRepresentation}",
      show: "%{name} %{recordRepresentation}", error: "Algo salió mal", loading: "Cargando", not_found: "No encontrado",
      empty: "Sin %{name} todavía.", invite: "¿Desea crear uno?",
    },
    notification: {
      updated: "Elemento actualizado", created: "Elemento creado", http_error: "Error de comunicación con el servidor",
      item_doesnt_exist: "El elemento no existe", logged_out: "Su sesión terminó; vuelva a conectarse.",
      not_authorized: "No tiene permiso para acceder a este recurso.",
    },
    validation: { required: "Obligatorio" },
    configurable: { customize: "Personalizar" },
  },
};

export default raSpanish;
