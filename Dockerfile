# The dashboard and the REST service (one image, two commands).
FROM python:3.11-slim
ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 PIP_NO_CACHE_DIR=1
WORKDIR /app
COPY requirements.txt .
RUN pip install -r requirements.txt
COPY varlib/ varlib/
COPY ui/ ui/
COPY views/ views/
COPY app.py .
COPY .streamlit/ .streamlit/
COPY scripts/init_minio.py scripts/
COPY scripts/minio_users.py scripts/
RUN useradd --create-home --uid 10001 varlib
USER varlib
EXPOSE 8501
HEALTHCHECK --interval=10s --timeout=3s --retries=6 \
  CMD python -c "import urllib.request; urllib.request.urlopen('http://127.0.0.1:8501/_stcore/health', timeout=2)"
CMD ["python", "-m", "streamlit", "run", "app.py", "--server.address", "0.0.0.0", "--server.port", "8501"]
