Authentication-Results: mail.buzon.uy;
	dkim=pass (2048-bit key; unprotected) header.d=gmail.com header.i=@gmail.com header.b="Ngf1X5eN";
	dkim-atps=neutral
From: <alice@gmail.com>
To: <alice@buzon.uy>
