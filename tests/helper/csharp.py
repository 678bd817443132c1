"""The C# helper under Mono through pythonnet: one runtime per test process."""
from __future__ import annotations

import warnings
from pathlib import Path
from typing import Any

_loaded: dict[str, Any] = {}


def load(assembly: Path) -> Any:
    """Loads Neighbor.dll once; returns the clr module."""
    if "clr" not in _loaded:
        with warnings.catch_warnings():
            # pythonnet warns about Mono before 6.12 (Debian ships 6.8); harmless here.
            warnings.simplefilter("ignore")
            from pythonnet import load as load_runtime
            load_runtime("mono")
            import clr
        clr.AddReference(str(assembly))
        _loaded["clr"] = clr
    return _loaded["clr"]


def to_python(value: Any) -> Any:
    """A .NET result (dictionaries, strings, numbers, null) as Python values."""
    from System.Collections import IDictionary  # type: ignore[import-not-found]
    from System import String  # type: ignore[import-not-found]

    if value is None or isinstance(value, (str, bool, int, float)):
        return value
    if isinstance(value, String):
        return str(value)
    if isinstance(value, IDictionary):
        return {str(k): to_python(value[k]) for k in value.Keys}
    from System.Collections import IEnumerable  # type: ignore[import-not-found]
    if isinstance(value, IEnumerable):
        return [to_python(item) for item in value]
    raise TypeError(f"unexpected .NET value {value!r}")


def to_dotnet(value: Any) -> Any:
    """Python values as Ansible.Basic hands them over: Dictionary<string, object>
    for dicts, List<object> for lists."""
    from System import Object, String  # type: ignore[import-not-found]
    from System.Collections.Generic import Dictionary, List  # type: ignore[import-not-found]

    if isinstance(value, dict):
        converted = Dictionary[String, Object]()
        for key, item in value.items():
            converted[key] = to_dotnet(item)
        return converted
    if isinstance(value, list):
        items = List[Object]()
        for item in value:
            items.Add(to_dotnet(item))
        return items
    return value


def parameters(values: dict[str, Any]) -> Any:
    """A module's parameters as Ansible.Basic gives them to the module."""
    return to_dotnet(values)


# win_neighbor's spec defaults.
DEFAULTS = {"state": "present", "purge": False, "purge_family": "both"}


def as_ansible_basic(args: dict[str, Any]) -> dict[str, Any]:
    """Defaults applied and values typed as the module's spec makes them."""
    params = dict(DEFAULTS, **args)
    for key in ("address", "mac", "interface"):
        if params.get(key) is not None:
            params[key] = str(params[key])
    if "neighbors" in params:
        params["neighbors"] = [dict({"state": "present"}, **entry) for entry in params["neighbors"]]
    return params
