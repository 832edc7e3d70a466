// The REST API's description drawn by graphsvc's own copy of Swagger UI (npm: swagger-ui-dist
// 5.36.0, Apache-2.0): no CDN, no internet.
(function start() {
  window.SwaggerUIBundle({ url: "/openapi.json", dom_id: "#api-docs", deepLinking: true });
}());
