"""varlib: train VAR models, keep them as safe versioned artifacts in MinIO or a folder, forecast.

Public surface: Settings, Registry, ModelSpec, load_dataset, train_model, publish_result,
forecast_version, forecast_artifact, and the errors in varlib.errors.
"""

__version__ = "0.1.0"

from .config import Settings  # noqa: E402
from .errors import VarlibError  # noqa: E402
from .model import ModelSpec  # noqa: E402
from .registry import Registry  # noqa: E402
from .service import forecast_artifact, forecast_version, load_dataset, publish_result, train_model  # noqa: E402

__all__ = ["Settings", "Registry", "ModelSpec", "VarlibError", "load_dataset", "train_model", "publish_result",
           "forecast_version", "forecast_artifact", "__version__"]
