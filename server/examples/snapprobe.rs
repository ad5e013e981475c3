//! probe
fn rss() -> u64 {
    let s = std::fs::read_to_string("/proc/self/statm").unwrap();
    s.split(' ').nth(1).unwrap().parse::<u64>().unwrap() * 4096 / 1048576
}
fn main() {
    let dir = std::path::PathBuf::from(std::env::args().nth(1).unwrap());
    let which = std::env::args().nth(2).unwrap();
    let bytes = std::fs::read(dir.join("snapshot")).unwrap();
    let fp = u16::from_be_bytes([bytes[8], bytes[9]]) as usize;
    let body = &bytes[10 + fp + 8 + 32..];
    let rl = u64::from_be_bytes(body[..8].try_into().unwrap()) as usize;
    let (resume, models) = body[8..].split_at(rl);
    println!(
        "file {} resume {} models {}; start rss {} MiB",
        bytes.len(),
        resume.len(),
        models.len(),
        rss()
    );
    let t = std::time::Instant::now();
    if which == "resume" {
        let packed = zstd::decode_all(resume).unwrap();
        let r: antikor_server::store::Resume = rmp_serde::from_slice(&packed).unwrap();
        println!(
            "resume: {:?} rss {} MiB, packed {}",
            t.elapsed(),
            rss(),
            packed.len()
        );
        std::hint::black_box(&r);
    } else {
        let packed = zstd::decode_all(models).unwrap();
        let m: antikor_server::projections::ReadModels = rmp_serde::from_slice(&packed).unwrap();
        println!(
            "models: {:?} rss {} MiB, packed {}",
            t.elapsed(),
            rss(),
            packed.len()
        );
        std::hint::black_box(&m);
    }
}
