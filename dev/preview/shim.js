// google.script.run for the local preview: injected by dev/preview/server.ts at the top of the
// sidebar page. It behaves like Apps Script's client library where the add-on can notice:
//  - google.script.run has one method per callable server function (top-level, name not ending
//    in "_"); any other name is not a function (TypeError), as on Google;
//  - withSuccessHandler / withFailureHandler / withUserObject return a new runner, so handlers
//    never leak into other calls; the user object is the handlers' second argument;
//  - arguments are checked when the call is made, and a bad one throws there (not through the
//    failure handler): a Date, Map, Set, class instance, DOM element (other than a form as the
//    only argument) or BigInt -> "Failed due to illegal value in property: <key>", a cycle ->
//    "Failed due to circular reference."; functions and undefined are dropped (null in arrays),
//    NaN and Infinity become null (guides/html/communication, "Parameters and return values");
//  - at most 10 calls in flight; the 11th waits until one finishes (guides/html/communication:
//    "the server function will be delayed until one of the 10 spots is freed");
//  - the success handler gets the value, the failure handler an Error with the server's message.
// Plain ES5 on purpose: it runs as is in any browser.
window.__gasPreviewInstall = (config) => {
  var MAX = config.maxInFlight || 10;
  var page = Math.random().toString(36).slice(2);
  var stats = { calls: 0, inFlight: 0, maxInFlight: 0, queued: 0 };
  var queue = [];
  window.__gasPreview = stats;

  function illegal(key) {
    return new Error(`Failed due to illegal value in property: ${key}`);
  }

  function encode(value, key, seen) {
    if (value === null) return null;
    var type = typeof value;
    if (type === 'string' || type === 'boolean') return value;
    if (type === 'number') return Number.isFinite(value) ? value : null;
    if (type === 'undefined' || type === 'function' || type === 'symbol') return undefined;
    if (type !== 'object') throw illegal(key);
    if (seen.indexOf(value) >= 0) throw new Error('Failed due to circular reference.');
    var proto = Object.getPrototypeOf(value);
    var out;
    seen.push(value);
    if (Array.isArray(value)) {
      out = [];
      for (let i = 0; i < value.length; i++) {
        const item = encode(value[i], String(i), seen);
        out.push(item === undefined ? null : item);
      }
    } else if (proto === Object.prototype || proto === null) {
      out = {};
      Object.keys(value).forEach((k) => {
        var v = encode(value[k], k, seen);
        if (v !== undefined) out[k] = v;
      });
    } else {
      throw illegal(key); // Date, Map, Set, class instances, DOM elements, typed arrays
    }
    seen.pop();
    return out;
  }

  function encodeForm(form) {
    var out = {};
    var data = new FormData(form);
    data.forEach((v, k) => {
      if (typeof v !== 'string') throw new Error('The preview does not send files from forms.');
      out[k] = Object.hasOwn(out, k) ? [].concat(out[k], v) : v;
    });
    return out;
  }

  function encodeArgs(args) {
    if (args.length === 1 && typeof HTMLFormElement !== 'undefined' && args[0] instanceof HTMLFormElement)
      return [encodeForm(args[0])];
    var out = [];
    for (let i = 0; i < args.length; i++) {
      if (typeof HTMLFormElement !== 'undefined' && args[i] instanceof HTMLFormElement) throw illegal(String(i));
      const v = encode(args[i], String(i), []);
      out.push(v === undefined ? null : v);
    }
    return out;
  }

  function later(fn) {
    setTimeout(fn, 0);
  }

  function notifyParent(name, ok) {
    if (window.parent && window.parent !== window) {
      window.parent.postMessage({ type: 'gas-preview:call', fn: name, ok: ok }, location.origin);
    }
  }

  function settle(call, ok, payload) {
    stats.inFlight--;
    pump();
    notifyParent(call.name, ok);
    later(() => {
      if (ok) {
        if (call.success) call.success(payload, call.userObject);
      } else if (call.failure) {
        call.failure(payload, call.userObject);
      } else {
        throw payload; // no failure handler: an uncaught error in the console, as on Google
      }
    });
  }

  function send(call) {
    stats.inFlight++;
    stats.maxInFlight = Math.max(stats.maxInFlight, stats.inFlight);
    fetch(config.endpoint, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Preview-Page': page },
      body: JSON.stringify({ fn: call.name, args: call.args }),
    })
      .then((response) => response.json())
      .then(
        (reply) => {
          if (reply?.ok) return settle(call, true, reply.value);
          var e = new Error(reply?.error ? reply.error.message : 'Unknown error');
          if (reply?.error?.name) e.name = reply.error.name;
          settle(call, false, e);
        },
        () => {
          settle(call, false, new Error('NetworkError: Connection failure due to HTTP 0'));
        },
      );
  }

  function pump() {
    while (stats.inFlight < MAX && queue.length > 0) send(queue.shift());
    stats.queued = queue.length;
  }

  function runner(success, failure, userObject) {
    var r = {
      withSuccessHandler: (fn) => runner(fn, failure, userObject),
      withFailureHandler: (fn) => runner(success, fn, userObject),
      withUserObject: (obj) => runner(success, failure, obj),
    };
    config.functions.forEach((name) => {
      r[name] = function () {
        // biome-ignore lint/complexity/noArguments: google.script.run's client takes any arguments
        var args = encodeArgs(arguments); // throws here, like Google's client
        stats.calls++;
        queue.push({ name: name, args: args, success: success, failure: failure, userObject: userObject });
        pump();
      };
    });
    return r;
  }

  window.google = window.google || {};
  window.google.script = {
    run: runner(null, null, undefined),
    host: {
      origin: location.origin,
      close: () => {
        if (window.parent !== window) window.parent.postMessage({ type: 'gas-preview:close' }, location.origin);
      },
      setHeight: () => {},
      setWidth: () => {},
      editor: { focus: () => {} },
    },
    url: {
      getLocation: (callback) => {
        later(() => {
          callback({ hash: '', parameter: {}, parameters: {} });
        });
      },
    },
  };
};
