# graphsvc's API for deployments next to a Neo4j server (see docker-compose.yml).
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1
WORKDIR /app
COPY pyproject.toml README.md ./
COPY graphsvc ./graphsvc
COPY cypher ./cypher
COPY web ./web
# Editable, so graphsvc finds its cypher/ folder beside the package, as in a checkout.
RUN pip install --no-cache-dir -e . && useradd --system --home /app graphsvc
USER graphsvc

ENV GRAPHSVC_HOST=0.0.0.0 GRAPHSVC_PORT=8000
EXPOSE 8000
HEALTHCHECK --interval=15s --timeout=5s --retries=5 \
  CMD python -c "import urllib.request,sys; sys.exit(urllib.request.urlopen('http://127.0.0.1:8000/readyz').status != 200)"
CMD ["graphsvc", "serve"]
