"""varlib: train VAR models, keep them as safe versioned artifacts in MinIO or a folder, forecast.

The public surface of the CLI, REST service and dashboard (docs/LIBRARY.md); the rest is internal and may move."""

import sys

from .release import __version__

if sys.version_info < (3, 11):  # noqa: UP036 - the message is the point for people on an old Python
    raise ImportError(f"varlib needs Python 3.11 or newer; this is {sys.version.split()[0]}")

from .adequacy import Adequacy, Check
from .artifact import Artifact
from .backtest import DEFAULT_HORIZON as DEFAULT_HORIZON
from .backtest import DEFAULT_ORIGINS as DEFAULT_ORIGINS
from .backtest import LAG_POLICIES, MAX_HORIZON, MAX_ORIGINS, METRICS, UNIT_METRICS, Backtest, backtest, can_reselect
from .backtest import check_backtest as check_backtest  # the Backtest page: will the settings fit
from .cache import BoundedCache
from .catalog import Alias, AuditRecord, Card, Registry, VersionEntry, newest_usable, unfollowed, version_metadata
from .catalog.withdrawals import Withdrawal, with_withdrawal
from .compare import MAX_COMPARED as MAX_COMPARED
from .compare import OverlaidForecast, all_variables, compare_table, overlay_forecasts, overlay_frame, shared_lag_table
from .compare import check_compared as check_compared
from .compare import comparison_dict as comparison_dict  # apart: the line above has no room left for them
from .compare import holdout_notes as holdout_notes
from .config import Settings
from .data import (
    CONDITIONS,
    DATE,
    DEFAULT_VARIABLES,
    EXOG,
    FILL_METHODS,
    MACRODATA,
    STEP,
    DataProfile,
    Dataset,
    Frequency,
    Preparation,
    check_path,
    count_changed,
    dated_lag_inputs,
    detect_frequency,
    editor_table,
    guess_date_column,
    label_of,
    macro_columns,
    parse_lag_table,
    path_editor_table,
    period_labels,
    periods_from,
    profile_csv,
    read_csv,
    read_lag_csv,
    read_lag_inputs,
    read_path_csv,
)
from .diagnostics import DEFAULT_ARCH_LAGS, DEFAULT_IRF_PERIODS, MAX_IRF_PERIODS, Diagnostics, diagnose
from .diagnostics.var import whiteness_lag_bounds
from .errors import (
    AccessDeniedError,
    AuthenticationError,
    ConflictError,
    CorruptArtifactError,
    InvalidInputError,
    NotFoundError,
    ObjectExistsError,
    ObjectTooLargeError,
    ProviderUnavailableError,
    StoreUnavailableError,
    VarlibError,
    WithdrawnError,
)
from .forecast import Forecast
from .forecast_inputs import ALPHA_MAX, ALPHA_MIN, INTERVAL_KINDS, LEVEL_RANGE, MAX_STEPS, level_to_alpha
from .held_exog import held_exog, held_words
from .identity import Actor
from .integration import Integration, Johansen, UnitRoot
from .integration import analyse as analyse_integration
from .jsonsafe import dumps as to_json
from .jsonsafe import to_json_safe
from .kinds import kind_names, kind_title, kind_transforms, order_floor, order_words, other_holdout_order
from .lag_order import MIN_RESIDUAL_DF, default_max_lags
from .legacy import import_legacy
from .logs import JsonFormatter, logging_config
from .model_space import CRITERIA, DETERMINISTIC, LOGGED, MODEL_SPACE, TRANSFORMS, TRENDS
from .number_format import column_format, format_column, format_number, shared_formats
from .panel_names import SHORT_NAME as SHORT_NAME  # grid titles: whole up to it
from .panel_names import grid_names as grid_names
from .panel_names import text_width as text_width
from .plain_text import escape_controls
from .report import render_report
from .roles import ROLES, RolePolicy, allows
from .roles import require as require_role
from .scenario import SCENARIO_PATTERN, Scenario, check_scenario_name
from .scenario_forecast import forecast_scenario, make_scenario, scenario_differences
from .scores import METRIC_LABELS, exog_note, score_notes
from .service import (
    check_forecast_options,
    forecast_artifact,
    forecast_periods,
    forecast_version,
    load_dataset,
    publish_result,
    train_model,
)
from .spec import DEFAULT_HOLDOUT, ModelSpec
from .store import describe as describe_store
from .tokens import AuthSettings, TokenVerifier
from .trained_advice import trained_advice
from .training import Evaluation, TrainResult
from .vecm_model import johansen_caveat
from .version_forecast import VersionForecast
from .versions import (
    ALIAS_PATTERN,
    BUMPS,
    LATEST,
    NAME_PATTERN,
    PINNED_PATTERN,
    VERSION_PATTERN,
    Version,
    check_alias,
    check_name,
    is_alias,
    is_latest,
    name_from,
    parse_version,
)
from .wording import DETERMINISTIC_WORDS, TREND_WORDS, and_list, counted, p_is, p_text, utc_time
from .wording import shortened as shortened

__all__ = [
    "DEFAULT_ARCH_LAGS",
    "ALIAS_PATTERN",
    "ALPHA_MAX",
    "ALPHA_MIN",
    "AccessDeniedError",
    "Actor",
    "Adequacy",
    "Alias",
    "Artifact",
    "AuditRecord",
    "AuthSettings",
    "AuthenticationError",
    "BUMPS",
    "Backtest",
    "BoundedCache",
    "CONDITIONS",
    "CRITERIA",
    "Card",
    "Check",
    "ConflictError",
    "CorruptArtifactError",
    "DATE",
    "DEFAULT_HOLDOUT",
    "DEFAULT_IRF_PERIODS",
    "DEFAULT_VARIABLES",
    "DETERMINISTIC",
    "DETERMINISTIC_WORDS",
    "DataProfile",
    "EXOG",
    "Dataset",
    "Diagnostics",
    "Evaluation",
    "holdout_notes",
    "exog_note",
    "score_notes",
    "FILL_METHODS",
    "Forecast",
    "Frequency",
    "INTERVAL_KINDS",
    "Integration",
    "InvalidInputError",
    "Johansen",
    "JsonFormatter",
    "LAG_POLICIES",
    "LATEST",
    "LEVEL_RANGE",
    "LOGGED",
    "MACRODATA",
    "MAX_HORIZON",
    "MAX_IRF_PERIODS",
    "MAX_ORIGINS",
    "MAX_STEPS",
    "METRICS",
    "UNIT_METRICS",
    "METRIC_LABELS",
    "MIN_RESIDUAL_DF",
    "MODEL_SPACE",
    "ModelSpec",
    "NAME_PATTERN",
    "NotFoundError",
    "ObjectExistsError",
    "ObjectTooLargeError",
    "OverlaidForecast",
    "PINNED_PATTERN",
    "SCENARIO_PATTERN",
    "STEP",
    "Scenario",
    "Preparation",
    "ROLES",
    "Registry",
    "RolePolicy",
    "Settings",
    "ProviderUnavailableError",
    "StoreUnavailableError",
    "TRANSFORMS",
    "TRENDS",
    "TREND_WORDS",
    "TokenVerifier",
    "TrainResult",
    "UnitRoot",
    "VERSION_PATTERN",
    "VarlibError",
    "Version",
    "VersionEntry",
    "VersionForecast",
    "Withdrawal",
    "WithdrawnError",
    "__version__",
    "all_variables",
    "allows",
    "analyse_integration",
    "trained_advice",
    "and_list",
    "backtest",
    "can_reselect",
    "check_alias",
    "check_forecast_options",
    "check_name",
    "column_format",
    "check_path",
    "check_scenario_name",
    "compare_table",
    "comparison_dict",
    "count_changed",
    "counted",
    "default_max_lags",
    "describe_store",
    "escape_controls",
    "detect_frequency",
    "diagnose",
    "editor_table",
    "forecast_artifact",
    "format_column",
    "format_number",
    "shared_formats",
    "forecast_periods",
    "forecast_scenario",
    "forecast_version",
    "guess_date_column",
    "import_legacy",
    "is_alias",
    "is_latest",
    "kind_names",
    "johansen_caveat",
    "kind_title",
    "kind_transforms",
    "label_of",
    "held_exog",
    "held_words",
    "level_to_alpha",
    "load_dataset",
    "logging_config",
    "macro_columns",
    "make_scenario",
    "name_from",
    "newest_usable",
    "unfollowed",
    "overlay_forecasts",
    "overlay_frame",
    "p_is",
    "p_text",
    "parse_lag_table",
    "dated_lag_inputs",
    "parse_version",
    "path_editor_table",
    "period_labels",
    "periods_from",
    "profile_csv",
    "publish_result",
    "read_csv",
    "order_floor",
    "order_words",
    "other_holdout_order",
    "read_lag_csv",
    "read_lag_inputs",
    "read_path_csv",
    "render_report",
    "require_role",
    "scenario_differences",
    "shared_lag_table",
    "to_json",
    "to_json_safe",
    "train_model",
    "utc_time",
    "version_metadata",
    "with_withdrawal",
    "whiteness_lag_bounds",
]
