// GraphiQL, the in-browser IDE of the GraphQL API, from graphsvc's own copy (npm: graphiql
// 3.8.3, react 18.3.1; MIT): it works without internet. Requests carry the pages' session
// cookie, or the Authorization header typed in the headers editor.
(function start() {
  const fetcher = window.GraphiQL.createFetcher({ url: "/graphql" });
  const query = new URLSearchParams(window.location.search).get("query") || undefined;
  const root = window.ReactDOM.createRoot(document.getElementById("graphiql"));
  root.render(window.React.createElement(window.GraphiQL, {
    fetcher,
    defaultQuery: "# graphsvc\n{\n  actorCounts { kind count }\n}\n",
    query,
    isHeadersEditorEnabled: true,
    defaultEditorToolsVisibility: true,
  }));
}());
