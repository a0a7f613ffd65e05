"""Extensions are created here and bound to the app in create_app: nothing happens at import."""

from __future__ import annotations

from flask_babel import Babel
from flask_compress import Compress
from flask_limiter import Limiter
from flask_login import LoginManager
from flask_sqlalchemy import SQLAlchemy
from flask_wtf import CSRFProtect

from participatie.models.base import Base
from participatie.ratelimit import hashed_remote_key

db = SQLAlchemy(model_class=Base)
babel = Babel()
csrf = CSRFProtect()
login_manager = LoginManager()
compress = Compress()
# Keyed by a salted hash of the address: the address itself is never stored.
limiter = Limiter(key_func=hashed_remote_key, default_limits=[])
