Authentication-Results: mail.buzon.uy;
	dkim=pass (2048-bit key; unprotected) header.d=aol.com header.i=@aol.com header.b="sjmqxpKe";
	dkim-atps=neutral
From: <alice@aol.com>
To: <alice@buzon.uy>
