// A certified OpenID provider (the npm package oidc-provider) standing in for ThaID or DGA's Digital ID in the
// tests: authorization-code flow with PKCE, RS256 ID tokens from published keys, the citizen ID in `pid`, Thai
// given and family names, `acr` per sign-in (AAL1 a password, AAL2.1 a face scan), RP-initiated logout.
//
// node server.mjs  prints `READY <port>` once it listens on 127.0.0.1. Its sign-in page asks a citizen ID and the
// way of signing in; whoever the page is told of signs in (the people below). What the tests do to it:
//   POST /__configure {"redirect_uris": [...], "post_logout_redirect_uris": [...]}  the portal's addresses
//   POST /__rotate    the second key signs from now on; the keys published are both, the new one first
//   POST /__behave {"mode": "...", "seconds": n}  the next token answer misbehaves once: wrong_aud, wrong_iss,
//        expired, unsigned, unknown_key, old_nonce (the nonce of the answer before), slow (waits `seconds`)
//   POST /__discovery {...}  these members replace the discovery document's own, until the next /__configure
//   POST /__strict_logout  sign-out asks for id_token_hint from now on (400 without), until the next /__configure
import http from 'node:http';
import { once } from 'node:events';
import * as jose from 'jose';
import Provider from 'oidc-provider';

const CLIENT_ID = 'cdd4-portal';
const CLIENT_SECRET = 'standin-client-secret';
const PEOPLE = {
  '1101700203451': { given_name: 'สมหญิง', family_name: 'ใจดี' },
  '3100600123457': { given_name: 'สมชาย', family_name: 'รักชาติ' },
  '1209900012343': { given_name: 'มานี', family_name: 'มีนา' },
};
const ACR = ['AAL1', 'AAL2.1'];

async function signingKey(kid) {
  const { privateKey } = await jose.generateKeyPair('RS256', { extractable: true });
  return { ...(await jose.exportJWK(privateKey)), kid, alg: 'RS256', use: 'sig' };
}

const keys = { first: await signingKey('standin-1'), second: await signingKey('standin-2') };
const unknown = await signingKey('never-published');
let published = [keys.first];
let client = { redirect_uris: ['http://testserver/'], post_logout_redirect_uris: ['http://testserver/'] };
let behaviour = { mode: '', seconds: 0 };
let discovered = {};
let strictLogout = false;
let lastNonce = null;

const server = http.createServer();
server.listen(0, '127.0.0.1');
await once(server, 'listening');
const { port } = server.address();
const issuer = `http://127.0.0.1:${port}`;

function build() {
  const provider = new Provider(issuer, {
    clients: [{
      client_id: CLIENT_ID,
      client_secret: CLIENT_SECRET,
      grant_types: ['authorization_code'],
      response_types: ['code'],
      token_endpoint_auth_method: 'client_secret_basic',
      ...client,
    }],
    jwks: { keys: published },
    pkce: { required: () => true },
    claims: {
      acr: null, amr: null, openid: ['sub', 'acr', 'amr', 'auth_time'], pid: ['pid'], given_name: ['given_name'], family_name: ['family_name'],
    },
    conformIdTokenClaims: false, // the claims asked by scope ride in the ID token, as ThaID sends them
    acrValues: ACR,
    cookies: { keys: ['standin-cookie-key'] },
    findAccount: (ctx, sub) => ({
      accountId: sub,
      claims: () => ({ sub, pid: sub.slice('thaid-'.length), ...PEOPLE[sub.slice('thaid-'.length)] }),
    }),
    interactions: { url: (ctx, interaction) => `/interaction/${interaction.uid}` },
    features: {
      devInteractions: { enabled: false },
      rpInitiatedLogout: {
        enabled: true,
        logoutSource: (ctx, form) => { // asks nothing: signs the person out and goes back to the portal
          ctx.body = `<!doctype html><html lang="th"><head><meta charset="utf-8"><title>ออกจากระบบ</title></head>`
            + `<body>${form}<script>const f = document.forms[0]; const yes = document.createElement('input');`
            + "yes.type = 'hidden'; yes.name = 'logout'; yes.value = 'yes'; f.appendChild(yes); f.submit();"
            + '</script></body></html>';
        },
      },
    },
    ttl: { IdToken: 600, AccessToken: 600, AuthorizationCode: 60, Interaction: 600, Session: 3600, Grant: 3600 },
  });
  provider.use(async (ctx, next) => { // a strict provider: no sign-out without the ID token as its hint
    if (strictLogout && ctx.path === '/session/end' && !ctx.query.id_token_hint) {
      ctx.status = 400;
      ctx.body = 'id_token_hint required';
      return;
    }
    await next();
  });
  provider.use(async (ctx, next) => {
    await next();
    if (ctx.path === '/token' && ctx.body && ctx.body.id_token) {
      await misbehave(ctx);
    }
    if (ctx.path === '/.well-known/openid-configuration' && ctx.body) {
      ctx.body = { ...ctx.body, ...discovered };
    }
  });
  return provider;
}

function b64(value) {
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}

async function sign(claims, jwk) {
  const key = await jose.importJWK(jwk, 'RS256');
  return new jose.SignJWT(claims).setProtectedHeader({ alg: 'RS256', kid: jwk.kid, typ: 'JWT' }).sign(key);
}

async function misbehave(ctx) {
  const { mode, seconds } = behaviour;
  behaviour = { mode: '', seconds: 0 };
  const claims = jose.decodeJwt(ctx.body.id_token);
  const usedNonce = lastNonce;
  lastNonce = claims.nonce;
  const now = Math.floor(Date.now() / 1000);
  const changed = {
    wrong_aud: { aud: 'another-portal' },
    wrong_iss: { iss: 'http://127.0.0.1:1/not-the-issuer' },
    expired: { iat: now - 7200, exp: now - 3600, auth_time: now - 7200 },
    old_nonce: { nonce: usedNonce },
  }[mode];
  if (changed) {
    ctx.body = { ...ctx.body, id_token: await sign({ ...claims, ...changed }, published[0]) };
  } else if (mode === 'unsigned') {
    ctx.body = { ...ctx.body, id_token: `${b64({ alg: 'none', typ: 'JWT' })}.${b64(claims)}.` };
  } else if (mode === 'unknown_key') {
    ctx.body = { ...ctx.body, id_token: await sign(claims, unknown) };
  } else if (mode === 'slow') {
    await new Promise((resolve) => { setTimeout(resolve, seconds * 1000); });
  }
}

let provider = build();

function page(body) {
  return `<!doctype html><html lang="th"><head><meta charset="utf-8"><title>ThaID (จำลอง)</title></head>`
    + `<body><main><h1>ThaID (จำลอง)</h1>${body}</main></body></html>`;
}

async function readBody(req) {
  const chunks = [];
  for await (const chunk of req) chunks.push(chunk);
  return Buffer.concat(chunks).toString();
}

async function interaction(req, res, uid, action) {
  const details = await provider.interactionDetails(req, res);
  if (req.method === 'GET') {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(page(`<form method="post" action="/interaction/${uid}/login">`
      + '<label for="pid">เลขประจำตัวประชาชน</label> <input id="pid" name="pid" inputmode="numeric">'
      + '<fieldset><legend>วิธียืนยันตัวตน</legend>'
      + '<label><input type="radio" name="acr" value="AAL1" checked> รหัส PIN</label>'
      + '<label><input type="radio" name="acr" value="AAL2.1"> สแกนใบหน้า</label></fieldset>'
      + '<button type="submit">เข้าสู่ระบบ</button></form>'));
    return;
  }
  if (action !== 'login') {
    res.writeHead(404).end();
    return;
  }
  const form = new URLSearchParams(await readBody(req));
  const pid = form.get('pid') || '';
  const acr = ACR.includes(form.get('acr')) ? form.get('acr') : 'AAL1';
  if (!PEOPLE[pid]) {
    res.writeHead(400, { 'content-type': 'text/html; charset=utf-8' });
    res.end(page('<p>ไม่พบผู้ใช้</p>'));
    return;
  }
  const accountId = `thaid-${pid}`;
  const grant = new provider.Grant({ accountId, clientId: details.params.client_id });
  grant.addOIDCScope(details.params.scope);
  const result = {
    login: { accountId, acr, amr: acr === 'AAL1' ? ['pin'] : ['face'] },
    consent: { grantId: await grant.save() },
  };
  await provider.interactionFinished(req, res, result, { mergeWithLastSubmission: false });
}

async function control(req, res, path) {
  const body = JSON.parse((await readBody(req)) || '{}');
  if (path === '/__configure') {
    client = { ...client, ...body };
    discovered = {};
    strictLogout = false;
    provider = build();
  } else if (path === '/__strict_logout') {
    strictLogout = true;
  } else if (path === '/__discovery') {
    discovered = body;
  } else if (path === '/__rotate') {
    published = [keys.second, keys.first];
    provider = build();
  } else if (path === '/__behave') {
    behaviour = { mode: body.mode || '', seconds: body.seconds || 0 };
  }
  res.writeHead(204).end();
}

server.on('request', async (req, res) => {
  const { pathname } = new URL(req.url, issuer);
  try {
    if (req.method === 'POST' && pathname.startsWith('/__')) {
      await control(req, res, pathname);
      return;
    }
    const match = pathname.match(/^\/interaction\/([^/]+)(?:\/(\w+))?$/);
    if (match) {
      await interaction(req, res, match[1], match[2]);
      return;
    }
    provider.callback()(req, res);
  } catch (error) {
    res.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' });
    res.end(String(error));
  }
});

process.stdout.write(`READY ${port} ${CLIENT_ID} ${CLIENT_SECRET}\n`);
