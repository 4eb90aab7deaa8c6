"""varlib: train VAR models, keep them as safe versioned artifacts in MinIO or a folder, forecast.

The public surface of the CLI, REST service and dashboard (docs/LIBRARY.md); the rest is internal and may move."""

import sys

from .release import __version__

if sys.version_info < (3, 11):  # noqa: UP036 - the message is the point for people on an old Python
    raise ImportError(f"varlib needs Python 3.11 or newer; this is {sys.version.split()[0]}")

from .adequacy import FLAGS as CHECK_FLAGS
from .adequacy import Adequacy, Check
from .artifact import Artifact
from .auth_settings import AuthSettings
from .backtest import (
    DEFAULT_HORIZON,
    DEFAULT_ORIGINS,
    LAG_POLICIES,
    MAX_HORIZON,
    MAX_ORIGINS,
    METRICS,
    UNIT_METRICS,
    Backtest,
    backtest,
    can_reselect,
    check_backtest,  # the Backtest page: will the settings fit
)
from .backtest_file import backtest_file_table
from .cache import BoundedCache
from .catalog import (
    Alias,
    AuditRecord,
    Card,
    Registry,
    VersionEntry,
    newest_usable,
    older_cards_note,
    unfollowed,
    version_metadata,
)
from .catalog.withdrawals import Withdrawal, with_withdrawal
from .cli_hints import CLI_HINTS, cli_hints_said
from .compare import (
    MAX_COMPARED,
    OverlaidForecast,
    all_variables,
    check_compared,
    compare_table,
    comparison_dict,
    holdout_notes,
    overlay_forecasts,
    overlay_frame,
    shared_lag_table,
)
from .config import READ_ONLY_SAID, Settings
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
    bounds_named,
    check_path,
    count_changed,
    dated_lag_inputs,
    detect_frequency,
    editor_table,
    frame_sha256,
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
from .degrees_of_freedom import largest_fitting_order, rows_needed
from .diagnostics import DEFAULT_ARCH_LAGS, DEFAULT_IRF_PERIODS, MAX_IRF_PERIODS, Diagnostics, diagnose
from .diagnostics.var import whiteness_lag_bounds
from .errors import (
    AccessDeniedError,
    AllWithdrawnError,
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
from .integration import AdvisedVecm, Integration, Johansen, UnitRoot
from .integration import analyse as analyse_integration
from .jsonsafe import dumps as to_json
from .jsonsafe import to_json_safe
from .kinds import kind_names, kind_title, kind_transforms, order_floor, order_words, other_holdout_order
from .lag_order import MIN_RESIDUAL_DF, default_max_lags
from .legacy import import_legacy
from .logs import JsonFormatter, logging_config
from .model_space import CRITERIA, CRITERION_LABELS, DETERMINISTIC, LOGGED, MODEL_SPACE, TRANSFORMS, TRENDS
from .number_format import apart_format, column_format, format_column, format_number, shared_formats
from .panel_names import SHORT_NAME, grid_names, panel_room
from .plain_text import escape_controls
from .report import render_report
from .roles import ACTION_WORDS, ROLES, RolePolicy, allows
from .roles import needs as role_needs
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
from .store import minio_admin_clients, minio_failure
from .title_font import text_width, title_measure, title_width
from .tokens import TokenVerifier
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
from .wording import (
    DETERMINISTIC_WORDS,
    TREND_WORDS,
    and_list,
    counted,
    p_is,
    p_text,
    plural_of,
    shortened,
    statistic_text,
    utc_time,
)

# fmt: off
__all__ = [  # packed by hand: one name a line would take 170 lines of this front door
    "ACTION_WORDS", "ALIAS_PATTERN", "ALPHA_MAX", "ALPHA_MIN", "BUMPS", "CLI_HINTS", "CONDITIONS", "CRITERIA",
    "CRITERION_LABELS", "DATE", "DEFAULT_ARCH_LAGS", "DEFAULT_HOLDOUT", "DEFAULT_HORIZON", "DEFAULT_IRF_PERIODS",
    "DEFAULT_ORIGINS", "DEFAULT_VARIABLES", "DETERMINISTIC", "DETERMINISTIC_WORDS", "EXOG", "FILL_METHODS",
    "INTERVAL_KINDS", "LAG_POLICIES", "LATEST", "LEVEL_RANGE", "LOGGED", "MACRODATA", "MAX_COMPARED", "MAX_HORIZON",
    "MAX_IRF_PERIODS", "MAX_ORIGINS", "MAX_STEPS", "METRICS", "METRIC_LABELS", "MIN_RESIDUAL_DF", "MODEL_SPACE",
    "NAME_PATTERN", "PINNED_PATTERN", "READ_ONLY_SAID", "ROLES", "SCENARIO_PATTERN", "SHORT_NAME", "STEP",
    "TRANSFORMS", "TRENDS",
    "TREND_WORDS", "UNIT_METRICS", "VERSION_PATTERN", "__version__", "AccessDeniedError", "Actor", "Adequacy",
    "AllWithdrawnError", "AdvisedVecm",
    "CHECK_FLAGS", "Alias", "all_variables", "allows", "analyse_integration", "and_list", "apart_format", "Artifact",
    "AuditRecord", "AuthenticationError", "AuthSettings", "Backtest", "backtest", "backtest_file_table", "BoundedCache",
    "bounds_named", "can_reselect", "Card", "Check", "check_alias", "check_backtest", "check_compared",
    "check_forecast_options", "check_name", "check_path", "check_scenario_name", "cli_hints_said", "column_format",
    "compare_table", "comparison_dict", "ConflictError", "CorruptArtifactError", "count_changed", "counted",
    "DataProfile", "Dataset", "dated_lag_inputs", "default_max_lags", "describe_store", "detect_frequency", "diagnose",
    "Diagnostics", "editor_table", "escape_controls", "Evaluation", "exog_note", "Forecast", "forecast_artifact",
    "forecast_periods", "forecast_scenario", "forecast_version", "format_column", "format_number", "frame_sha256",
    "Frequency", "grid_names", "guess_date_column", "held_exog", "held_words", "holdout_notes", "import_legacy",
    "Integration", "InvalidInputError", "is_alias", "is_latest", "Johansen", "johansen_caveat", "JsonFormatter",
    "kind_names", "kind_title", "kind_transforms", "label_of", "largest_fitting_order", "level_to_alpha",
    "load_dataset", "logging_config", "macro_columns", "make_scenario", "minio_admin_clients", "minio_failure",
    "ModelSpec", "name_from", "newest_usable", "NotFoundError", "ObjectExistsError", "ObjectTooLargeError",
    "older_cards_note", "order_floor", "order_words", "other_holdout_order", "OverlaidForecast", "overlay_forecasts",
    "overlay_frame", "p_is", "p_text", "panel_room", "parse_lag_table", "parse_version", "path_editor_table",
    "period_labels",
    "periods_from", "plural_of", "Preparation", "profile_csv", "ProviderUnavailableError", "publish_result", "read_csv",
    "read_lag_csv", "read_lag_inputs", "read_path_csv", "Registry", "render_report", "require_role", "role_needs",
    "RolePolicy", "rows_needed", "Scenario", "scenario_differences", "score_notes", "Settings", "shared_formats",
    "shared_lag_table", "shortened", "statistic_text", "StoreUnavailableError", "text_width", "title_measure",
    "title_width", "to_json", "to_json_safe", "TokenVerifier", "train_model", "trained_advice", "TrainResult",
    "unfollowed", "UnitRoot", "utc_time", "VarlibError", "Version", "version_metadata", "VersionEntry",
    "VersionForecast", "whiteness_lag_bounds", "with_withdrawal", "Withdrawal", "WithdrawnError",
]
# fmt: on
