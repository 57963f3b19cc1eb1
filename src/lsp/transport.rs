//! A guard between stdio and tower-lsp's transport, so bad input costs one error response
//! instead of the session.
//!
//! tower-lsp-server answers a malformed message with an error, but its framed reader then
//! ends the stream and the server exits (seen with a body that is not JSON). Here every
//! incoming frame is checked first: a well-formed JSON-RPC message is passed on with a clean
//! header; anything else (bad header, bad JSON, JSON that is no JSON-RPC message) is answered
//! here — `-32700` or `-32600` — and dropped. Our answers are written to stdout between the
//! server's own frames, never inside one, by the single writer task [`pump_output`].

use serde_json::{json, Value};
use tokio::io::{AsyncBufRead, AsyncBufReadExt, AsyncReadExt, AsyncWrite, AsyncWriteExt};
use tokio::sync::mpsc;
use tower_lsp_server::jsonrpc::{Request, Response};

/// Bodies larger than this are refused (and their bytes skipped) rather than buffered.
const MAX_BODY: usize = 256 * 1024 * 1024;

/// One frame read from a stream.
#[derive(Debug, PartialEq)]
pub enum Frame {
    Body(Vec<u8>),
    /// A header block without a usable `Content-Length`.
    BadHeader(String),
}

/// Reads the next frame; `Ok(None)` at end of input.
pub async fn read_frame<R: AsyncBufRead + Unpin>(reader: &mut R) -> std::io::Result<Option<Frame>> {
    let mut length: Option<usize> = None;
    let mut problem = None;
    let mut saw_header = false;
    loop {
        let mut line = Vec::new();
        if reader.read_until(b'\n', &mut line).await? == 0 {
            return Ok(None);
        }
        let text = String::from_utf8_lossy(&line);
        let text = text.trim_end_matches(['\r', '\n']);
        if text.is_empty() {
            if saw_header {
                break;
            }
            continue; // stray blank line between frames
        }
        saw_header = true;
        match text.split_once(':') {
            Some((name, value)) if name.trim().eq_ignore_ascii_case("content-length") => {
                match value.trim().parse::<usize>() {
                    Ok(n) => length = Some(n),
                    Err(_) => problem = Some(format!("bad Content-Length: {}", value.trim())),
                }
            }
            Some(_) => {} // Content-Type and friends
            None => problem = Some(format!("not a header line: {text:.60}")),
        }
    }
    let Some(length) = length else {
        return Ok(Some(Frame::BadHeader(
            problem.unwrap_or_else(|| "missing Content-Length".into()),
        )));
    };
    if length > MAX_BODY {
        // Skip the body without keeping it.
        let skipped =
            tokio::io::copy(&mut reader.take(length as u64), &mut tokio::io::sink()).await?;
        return Ok(Some(Frame::BadHeader(format!(
            "message of {skipped} bytes is too large"
        ))));
    }
    let mut body = vec![0; length];
    reader.read_exact(&mut body).await?;
    Ok(Some(Frame::Body(body)))
}

/// The bytes of a frame carrying `body`.
pub fn encode(body: &[u8]) -> Vec<u8> {
    let mut out = format!("Content-Length: {}\r\n\r\n", body.len()).into_bytes();
    out.extend_from_slice(body);
    out
}

/// `Ok` for a body tower-lsp can take; otherwise the error response to send instead.
pub fn check(body: &[u8]) -> Result<(), Value> {
    let value: Value = match serde_json::from_slice(body) {
        Ok(v) => v,
        Err(e) => {
            return Err(error_response(
                Value::Null,
                -32700,
                &format!("Parse error: {e}"),
            ))
        }
    };
    let is_message = serde_json::from_value::<Request>(value.clone()).is_ok()
        || serde_json::from_value::<Response>(value.clone()).is_ok();
    if is_message {
        return Ok(());
    }
    let id = match value.get("id") {
        Some(id @ (Value::Number(_) | Value::String(_))) => id.clone(),
        _ => Value::Null,
    };
    Err(error_response(
        id,
        -32600,
        "Invalid request: not a JSON-RPC 2.0 message",
    ))
}

fn error_response(id: Value, code: i64, message: &str) -> Value {
    json!({"jsonrpc": "2.0", "id": id, "error": {"code": code, "message": message}})
}

/// Copies checked frames from `input` to `server`; answers bad ones through `errors`.
/// Returns at end of input, dropping `server` so the server sees its input end too.
pub async fn pump_input<R, W>(mut input: R, mut server: W, errors: mpsc::UnboundedSender<Value>)
where
    R: AsyncBufRead + Unpin,
    W: AsyncWrite + Unpin,
{
    loop {
        match read_frame(&mut input).await {
            Ok(None) => break,
            Ok(Some(Frame::Body(body))) => match check(&body) {
                Ok(()) => {
                    if server.write_all(&encode(&body)).await.is_err()
                        || server.flush().await.is_err()
                    {
                        break; // the server has gone
                    }
                }
                Err(response) => {
                    tracing::warn!(
                        "answered a malformed message: {}",
                        response["error"]["message"]
                    );
                    let _ = errors.send(response);
                }
            },
            Ok(Some(Frame::BadHeader(problem))) => {
                tracing::warn!("answered a malformed header: {problem}");
                let _ = errors.send(error_response(
                    Value::Null,
                    -32700,
                    &format!("Parse error: {problem}"),
                ));
            }
            Err(e) => {
                tracing::warn!("reading stdin failed: {e}");
                break;
            }
        }
    }
}

/// Writes the server's frames and our error responses to `output`, whole frames only. Ends
/// when the server's output ends.
pub async fn pump_output<R, W>(
    mut server: R,
    mut output: W,
    mut errors: mpsc::UnboundedReceiver<Value>,
) where
    R: AsyncBufRead + Unpin,
    W: AsyncWrite + Unpin,
{
    let mut errors_open = true;
    loop {
        let bytes = tokio::select! {
            frame = read_frame(&mut server) => match frame {
                Ok(Some(Frame::Body(body))) => encode(&body),
                Ok(Some(Frame::BadHeader(problem))) => {
                    tracing::error!("the server wrote a bad frame: {problem}");
                    continue;
                }
                Ok(None) | Err(_) => break,
            },
            error = errors.recv(), if errors_open => match error {
                Some(response) => encode(response.to_string().as_bytes()),
                None => { errors_open = false; continue; }
            },
        };
        if output.write_all(&bytes).await.is_err() || output.flush().await.is_err() {
            break;
        }
    }
    // Answers queued as the input ended still go out.
    while let Ok(response) = errors.try_recv() {
        let _ = output
            .write_all(&encode(response.to_string().as_bytes()))
            .await;
    }
    let _ = output.flush().await;
}

#[cfg(test)]
mod tests {
    use super::*;

    async fn frames(input: &[u8]) -> Vec<Frame> {
        let mut reader = tokio::io::BufReader::new(input);
        let mut out = Vec::new();
        while let Some(f) = read_frame(&mut reader).await.unwrap() {
            out.push(f);
        }
        out
    }

    #[tokio::test]
    async fn reads_frames_and_reports_bad_headers() {
        let input = b"Content-Length: 2\r\nContent-Type: application/vscode-jsonrpc; charset=utf-8\r\n\r\n{}\
                      Garbage\r\n\r\nContent-Length: x\r\n\r\nContent-Length: 4\r\n\r\nnull";
        assert_eq!(
            frames(input).await,
            vec![
                Frame::Body(b"{}".to_vec()),
                Frame::BadHeader("not a header line: Garbage".into()),
                Frame::BadHeader("bad Content-Length: x".into()),
                Frame::Body(b"null".to_vec()),
            ]
        );
    }

    #[test]
    fn checks_messages() {
        assert!(check(br#"{"jsonrpc":"2.0","id":1,"method":"hover","params":{}}"#).is_ok());
        assert!(check(br#"{"jsonrpc":"2.0","method":"exit"}"#).is_ok());
        assert!(check(br#"{"jsonrpc":"2.0","id":3,"result":null}"#).is_ok());
        assert_eq!(check(b"{oops").unwrap_err()["error"]["code"], -32700);
        let bad = check(br#"{"jsonrpc":"1.0","id":7,"method":"x"}"#).unwrap_err();
        assert_eq!(
            (bad["id"].clone(), bad["error"]["code"].clone()),
            (json!(7), json!(-32600))
        );
        assert_eq!(check(b"[1,2]").unwrap_err()["id"], Value::Null);
    }
}
