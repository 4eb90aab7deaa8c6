# The dashboard and the REST service (one image, two commands).
FROM python:3.11-slim
ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 PIP_NO_CACHE_DIR=1
WORKDIR /app
# Exact, hash-checked dependencies (the lock includes setuptools, which builds the project below).
COPY requirements.lock .
RUN pip install --require-hashes -r requirements.lock
# The package itself (library, CLI `varlib`, REST service): a regular install, no dependency resolution.
# Built outside /app, so the dashboard's folder holds no second copy of varlib to shadow the installed one.
COPY pyproject.toml MANIFEST.in README.md /tmp/varlib-src/
COPY varlib/ /tmp/varlib-src/varlib/
RUN pip install --no-deps --no-build-isolation /tmp/varlib-src && rm -rf /tmp/varlib-src
# The dashboard runs from its files, against the installed package.
COPY ui/ ui/
COPY views/ views/
COPY app.py .
COPY .streamlit/ .streamlit/
COPY scripts/init_minio.py scripts/
COPY scripts/minio_users.py scripts/
COPY scripts/auth_secrets.py scripts/
RUN useradd --create-home --uid 10001 varlib
USER varlib
EXPOSE 8501
HEALTHCHECK --interval=10s --timeout=3s --retries=6 \
  CMD python -c "import urllib.request; urllib.request.urlopen('http://127.0.0.1:8501/_stcore/health', timeout=2)"
CMD ["python", "-m", "streamlit", "run", "app.py", "--server.address", "0.0.0.0", "--server.port", "8501"]
