"""Data in and out of models: datasets, date columns, the time index and lag inputs."""

from .columns import DATE_COLUMN_NAMES, find_date_column, guess_date_column, is_date_column_name
from .datasets import (
    DEFAULT_VARIABLES,
    MACRODATA,
    Dataset,
    check_dates,
    frame_sha256,
    load_csv,
    load_macrodata,
    macro_columns,
    read_csv,
    select_variables,
)
from .file_bytes import MAX_CSV_BYTES
from .fill import FILL_METHODS, Preparation, check_fill_method, make_regular
from .frequency import Frequency, data_span, detect_frequency, infer_frequency, label_of, period_labels
from .lag_inputs import (
    DATE,
    count_changed,
    dated_lag_inputs,
    editor_table,
    parse_lag_table,
    read_lag_csv,
    read_lag_inputs,
)
from .paths import CONDITIONS, EXOG, STEP, check_path, path_editor_table, read_path_csv
from .periods import periods_between
from .periods_ahead import future_dates, periods_from
from .profile import DataProfile, profile_csv
from .sample_window import bounds_named, slice_dates
from .timeindex import parse_dates

__all__ = [
    "CONDITIONS",
    "EXOG",
    "STEP",
    "check_path",
    "path_editor_table",
    "read_path_csv",
    "FILL_METHODS",
    "DataProfile",
    "Frequency",
    "Preparation",
    "check_fill_method",
    "data_span",
    "detect_frequency",
    "label_of",
    "period_labels",
    "make_regular",
    "profile_csv",
    "DATE",
    "dated_lag_inputs",
    "DATE_COLUMN_NAMES",
    "DEFAULT_VARIABLES",
    "MACRODATA",
    "MAX_CSV_BYTES",
    "Dataset",
    "check_dates",
    "count_changed",
    "editor_table",
    "find_date_column",
    "frame_sha256",
    "future_dates",
    "periods_between",
    "guess_date_column",
    "infer_frequency",
    "is_date_column_name",
    "load_csv",
    "load_macrodata",
    "macro_columns",
    "parse_dates",
    "periods_from",
    "parse_lag_table",
    "read_csv",
    "read_lag_csv",
    "read_lag_inputs",
    "select_variables",
    "bounds_named",
    "slice_dates",
]
